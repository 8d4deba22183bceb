import { useT } from "../../i18n/i18n-context.tsx";
import { intervalParts } from "./config-fields.ts";
import type { TRate } from "./types.ts";

/** "30 min", "2 h", "7 d" in the interface language. */
export function useIntervalLabel(): (minutes: number) => string {
  const t = useT();
  return (minutes) => {
    const { unit, n } = intervalParts(minutes);
    return t(`sources.interval.${unit}`, { n });
  };
}

/** "3 per second", "60 per minute", "1 per 2 s" in the interface language. */
export function useRateLabel(): (rate: TRate) => string {
  const t = useT();
  return ({ limit, intervalMs }) => {
    if (intervalMs === 1_000) return t("sources.rate.perSecond", { n: limit });
    if (intervalMs === 60_000) return t("sources.rate.perMinute", { n: limit });
    return t("sources.rate.perSeconds", { n: limit, s: Math.round(intervalMs / 100) / 10 });
  };
}
