import { useCallback } from "react";
import type { TMessageKey } from "../../i18n/en.ts";
import { useI18n } from "../../i18n/i18n-context.tsx";
import { useFormat } from "../../i18n/use-format.ts";

const RULES = new Map<string, Intl.PluralRules>();

/**
 * A counted phrase in the interface language: `base.one|few|many|other` chosen by the
 * language's plural rules (1 упоминание, 2 упоминания, 5 упоминаний), `{count}` formatted.
 */
export function usePlural(): (base: string, count: number, values?: Record<string, string | number>) => string {
  const { locale, t } = useI18n();
  const format = useFormat();
  return useCallback((base, count, values) => {
    let rules = RULES.get(locale);
    if (!rules) {
      rules = new Intl.PluralRules(locale);
      RULES.set(locale, rules);
    }
    const category = rules.select(count);
    const key = (["one", "few", "many"].includes(category) ? `${base}.${category}` : `${base}.other`) as TMessageKey;
    return t(key, { ...values, count: format.number(count) });
  }, [locale, t, format]);
}
