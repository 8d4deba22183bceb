import { Badge, type MantineColor, Tooltip } from "@mantine/core";
import type { TMessageKey } from "../../i18n/en.ts";
import { type TTranslate, useT } from "../../i18n/i18n-context.tsx";
import { useFormat } from "../../i18n/use-format.ts";
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

/** Green ok, red failing, grey paused, yellow stale, blue pending — with what it means on hover. */
export function HealthBadge({ source }: { source: TSource }) {
  const t = useT();
  const format = useFormat();
  const hint =
    source.health === "failing"
      ? `${t("sources.healthHint.failing", {
          count: source.consecutiveFailures,
          when: format.relative(source.retryAfter ?? source.nextRunAt),
        })}${source.lastError ? `\n${source.lastError}` : ""}`
      : t(`sources.healthHint.${source.health}`);
  return (
    <Tooltip label={hint} withArrow multiline maw={360} style={{ whiteSpace: "pre-line" }}>
      <Badge color={COLOR[source.health]} variant="light" radius="sm" tt="none" fw={600} data-testid="source-health" data-health={source.health}>
        {t(`sources.health.${source.health}`)}
      </Badge>
    </Tooltip>
  );
}
