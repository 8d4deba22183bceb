import { SegmentedControl } from "@mantine/core";
import type { TLocale } from "../api/types.ts";
import { isLocale } from "../i18n/guest-locale.ts";
import { useI18n } from "../i18n/i18n-context.tsx";

/** EN | RU, one click. Signed in, the choice is saved to the account. */
export function LanguageSwitch() {
  const { locale, setLocale, t } = useI18n();
  const options: { value: TLocale; short: string; full: string }[] = [
    { value: "en", short: "EN", full: t("locale.en") },
    { value: "ru", short: "RU", full: t("locale.ru") },
  ];
  return (
    <SegmentedControl
      size="xs"
      radius="md"
      value={locale}
      onChange={(value) => {
        if (isLocale(value) && value !== locale) setLocale(value);
      }}
      aria-label={t("locale.switchLabel")}
      data-testid="language-switch"
      data={options.map((o) => ({
        value: o.value,
        label: (
          <span title={o.full} data-testid={`language-${o.value}`}>
            {o.short}
          </span>
        ),
      }))}
    />
  );
}
