import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

/** A random URL-safe secret with enough entropy to be unguessable (256 bits). */
export function newSecret(prefix = ""): string {
  return prefix + randomBytes(32).toString("base64url");
}

/** Secrets are stored only as their sha256, so a leaked table yields nothing usable. */
export function hashSecret(secret: string): string {
  return createHash("sha256").update(secret).digest("hex");
}

export function safeEqual(a: string, b: string): boolean {
  const ba = Buffer.from(a);
  const bb = Buffer.from(b);
  return ba.length === bb.length && timingSafeEqual(ba, bb);
}
