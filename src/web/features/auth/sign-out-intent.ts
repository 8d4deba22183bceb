/**
 * Set when the user signs out on purpose (cleared by the next sign-in), so the route guard
 * sends them to a plain sign-in page rather than one that returns to where they were — the
 * next person to sign in may not have that brand.
 */
let intended = false;

export function markIntendedSignOut(): void {
  intended = true;
}

export function clearIntendedSignOut(): void {
  intended = false;
}

export function isIntendedSignOut(): boolean {
  return intended;
}
