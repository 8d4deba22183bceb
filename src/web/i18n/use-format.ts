import { useMemo } from "react";
import type { TLocale } from "../api/types.ts";
import { useI18n } from "./i18n-context.tsx";

const INTL_LOCALE: Record<TLocale, string> = { en: "en-GB", ru: "ru-RU" };

export type TFormat = {
  date: (iso: string | null | undefined) => string;
  dateTime: (iso: string | null | undefined) => string;
  number: (value: number) => string;
  /** "in 5 minutes" / "через 5 минут". */
  inSeconds: (seconds: number) => string;
  /** "in 3 days" or "2 hours ago" relative to now. */
  relative: (iso: string) => string;
};

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ["day", 86_400],
  ["hour", 3_600],
  ["minute", 60],
  ["second", 1],
];

function relativeParts(seconds: number): [number, Intl.RelativeTimeFormatUnit] {
  const abs = Math.abs(seconds);
  for (const [unit, size] of UNITS) if (abs >= size) return [Math.round(seconds / size), unit];
  return [Math.round(seconds), "second"];
}

/** Dates and numbers in the interface language. */
export function useFormat(): TFormat {
  const { locale } = useI18n();
  return useMemo(() => {
    const tag = INTL_LOCALE[locale];
    const dateFormat = new Intl.DateTimeFormat(tag, { dateStyle: "medium" });
    const dateTimeFormat = new Intl.DateTimeFormat(tag, { dateStyle: "medium", timeStyle: "short" });
    const numberFormat = new Intl.NumberFormat(tag);
    const relativeFormat = new Intl.RelativeTimeFormat(tag, { numeric: "auto" });
    const valid = (iso: string | null | undefined): Date | null => {
      if (!iso) return null;
      const date = new Date(iso);
      return Number.isNaN(date.getTime()) ? null : date;
    };
    return {
      date: (iso) => {
        const d = valid(iso);
        return d ? dateFormat.format(d) : "—";
      },
      dateTime: (iso) => {
        const d = valid(iso);
        return d ? dateTimeFormat.format(d) : "—";
      },
      number: (value) => numberFormat.format(value),
      inSeconds: (seconds) => new Intl.RelativeTimeFormat(tag, { numeric: "always" }).format(...relativeParts(seconds)),
      relative: (iso) => {
        const d = valid(iso);
        if (!d) return "—";
        return relativeFormat.format(...relativeParts((d.getTime() - Date.now()) / 1000));
      },
    };
  }, [locale]);
}
