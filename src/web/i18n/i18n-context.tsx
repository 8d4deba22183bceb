import { createContext, useContext, useMemo, type ReactNode } from "react";
import type { TLocale } from "../api/types.ts";
import { en, type TMessageKey } from "./en.ts";
import { ru } from "./ru.ts";

const DICTIONARIES: Record<TLocale, Record<TMessageKey, string>> = { en, ru };

export type TTranslate = (key: TMessageKey, values?: Record<string, string | number>) => string;

type TI18nContext = {
  locale: TLocale;
  t: TTranslate;
  /** Switches the interface language (and saves it for the signed-in user). */
  setLocale: (locale: TLocale) => void;
};

const I18nContext = createContext<TI18nContext | null>(null);

export function translate(locale: TLocale, key: TMessageKey, values?: Record<string, string | number>): string {
  const template = DICTIONARIES[locale][key];
  if (!values) return template;
  return template.replace(/\{(\w+)\}/g, (match, name: string) => {
    const value = values[name];
    return value === undefined ? match : String(value);
  });
}

export function I18nProvider(props: { locale: TLocale; setLocale: (locale: TLocale) => void; children: ReactNode }) {
  const { locale, setLocale, children } = props;
  const value = useMemo<TI18nContext>(
    () => ({ locale, setLocale, t: (key, values) => translate(locale, key, values) }),
    [locale, setLocale],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): TI18nContext {
  const context = useContext(I18nContext);
  if (!context) throw new Error("useI18n outside I18nProvider");
  return context;
}

/** The translate function of the current locale. */
export function useT(): TTranslate {
  return useI18n().t;
}
