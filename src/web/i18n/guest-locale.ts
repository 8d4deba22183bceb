import type { TLocale } from "../api/types.ts";

/** The language before sign-in: the last one chosen in this browser, else the browser's own. */
const STORAGE_KEY = "repute.locale";

export function isLocale(value: unknown): value is TLocale {
  return value === "ru" || value === "en";
}

export function readGuestLocale(): TLocale {
  try {
    const stored = window.localStorage.getItem(STORAGE_KEY);
    if (isLocale(stored)) return stored;
  } catch {
    // Storage may be disabled; fall through to the browser language.
  }
  const languages = navigator.languages.length > 0 ? navigator.languages : [navigator.language];
  for (const language of languages) {
    const base = language.toLowerCase().split("-")[0];
    if (isLocale(base)) return base;
  }
  return "en";
}

export function saveGuestLocale(locale: TLocale): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    // Not remembered across visits then; the session still carries the choice.
  }
}
