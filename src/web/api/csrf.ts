/** The CSRF token of the current session, kept in memory only (never in storage). */
let token: string | null = null;

export function getCsrfToken(): string | null {
  return token;
}

export function setCsrfToken(value: string | null): void {
  token = value;
}
