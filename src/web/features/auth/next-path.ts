/** Only same-site paths may be used as the place to return to after sign-in. */
export function safeNextPath(next: string | null): string {
  if (!next || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/sign-in")) return "/";
  return next;
}
