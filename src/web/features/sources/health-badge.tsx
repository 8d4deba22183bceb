import { Badge, type MantineColor, Tooltip } from "@mantine/core";
import type { TMessageKey } from "../../i18n/en.ts";
import { type TTranslate, useT } from "../../i18n/i18n-context.tsx";
import { type TFormat, useFormat } from "../../i18n/use-format.ts";
import { useIntervalLabel } from "./interval-label.ts";
import type { TSource, TSourceHealth } from "./types.ts";

const COLOR: Record<TSourceHealth, MantineColor> = {
  ok: "green",
  failing: "red",
  paused: "gray",
  stale: "yellow",
  pending: "blue",
};

const KNOWN_KINDS = ["auth", "rate_limited", "markup_changed", "upstream", "not_found", "network", "refused", "internal"] as const;

/** A readable name for a sync error kind; unknown kinds are shown as they are. */
export function errorKindLabel(t: TTranslate, kind: string | null): string {
  if (!kind) return t("common.none");
  return (KNOWN_KINDS as readonly string[]).includes(kind) ? t(`sources.errorKind.${kind}` as TMessageKey) : kind;
}

const MINUTE = 60_000;
/** The server's default for "stopped succeeding" (source-health.ts). */
const MISSED_INTERVALS = 3;

/**
 * Why a source is stale, as the server decided it (source-health.ts): runs stopped succeeding,
 * the platform went quiet for longer than the source's expected item period, or both.
 */
function staleHint(source: TSource, t: TTranslate, format: TFormat, intervalLabel: (minutes: number) => string): string {
  const now = Date.now();
  const reasons: string[] = [];
  const lastSuccess = new Date(source.lastSuccessAt ?? source.createdAt).getTime();
  if (now - lastSuccess > MISSED_INTERVALS * source.intervalMinutes * MINUTE) reasons.push(t("sources.healthHint.stale"));
  const expected = source.expectedItemMinutes;
  if (expected != null && expected > 0) {
    const lastItem = source.lastItemAt ?? source.createdAt;
    if (now - new Date(lastItem).getTime() > expected * MINUTE) {
      const values = { when: format.relative(lastItem), expected: intervalLabel(expected) };
      reasons.push(t(source.lastItemAt ? "sources.healthHint.staleSilent" : "sources.healthHint.staleNeverItem", values));
    }
  }
  return reasons.length > 0 ? reasons.join("\n") : t("sources.healthHint.stale");
}

/** Green ok, red failing, grey paused, yellow stale, blue pending — with what it means on hover. */
export function HealthBadge({ source }: { source: TSource }) {
  const t = useT();
  const format = useFormat();
  const intervalLabel = useIntervalLabel();
  const hint =
    source.health === "failing"
      ? `${t("sources.healthHint.failing", {
          count: source.consecutiveFailures,
          when: format.relative(source.retryAfter ?? source.nextRunAt),
        })}${source.lastError ? `\n${source.lastError}` : ""}`
      : source.health === "stale"
        ? staleHint(source, t, format, intervalLabel)
        : t(`sources.healthHint.${source.health}`);
  return (
    <Tooltip label={hint} withArrow multiline maw={360} style={{ whiteSpace: "pre-line" }}>
      <Badge color={COLOR[source.health]} variant="light" radius="sm" tt="none" fw={600} data-testid="source-health" data-health={source.health}>
        {t(`sources.health.${source.health}`)}
      </Badge>
    </Tooltip>
  );
}
