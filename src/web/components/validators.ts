import type { TTranslate } from "../i18n/i18n-context.tsx";

/** Mirrors the server's PASSWORD_MIN_LENGTH. */
export const PASSWORD_MIN_LENGTH = 10;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function required(t: TTranslate, value: string): string | undefined {
  return value.trim() ? undefined : t("validation.required");
}

export function email(t: TTranslate, value: string): string | undefined {
  if (!value.trim()) return t("validation.required");
  return EMAIL.test(value.trim()) ? undefined : t("validation.email");
}

export function newPassword(t: TTranslate, value: string): string | undefined {
  if (!value) return t("validation.required");
  return value.length >= PASSWORD_MIN_LENGTH ? undefined : t("validation.passwordLength", { min: PASSWORD_MIN_LENGTH });
}
