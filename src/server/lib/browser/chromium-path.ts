import { existsSync } from "node:fs";

/** Debian's Chromium, which CI and the README's install step put there. */
export const DEBIAN_CHROMIUM = "/usr/bin/chromium";

/** The Chromium to launch when none is configured: Debian's if present, else playwright-core's own (undefined). */
export function defaultChromiumPath(): string | undefined {
  return existsSync(DEBIAN_CHROMIUM) ? DEBIAN_CHROMIUM : undefined;
}
