import { useT } from "../../i18n/i18n-context.tsx";
import { intervalParts } from "./config-fields.ts";

/** "30 min", "2 h", "7 d" in the interface language. */
export function useIntervalLabel(): (minutes: number) => string {
  const t = useT();
  return (minutes) => {
    const { unit, n } = intervalParts(minutes);
    return t(`sources.interval.${unit}`, { n });
  };
}
