import { Box } from "@mantine/core";
import { useElementSize } from "@mantine/hooks";
import { useMemo } from "react";
import { useI18n } from "../../i18n/i18n-context.tsx";
import { weekBars } from "./accuracy-geometry.ts";
import type { TAccuracyWeek } from "./types.ts";

const HEIGHT = 150;
const AXIS_LEFT = 40;
const AXIS_BOTTOM = 22;
const TOP = 8;
const INTL: Record<string, string> = { en: "en-GB", ru: "ru-RU" };

/**
 * The share of the machine's labels the specialists kept, one bar per week, as a small inline
 * SVG: gridlines at 0/50/100 %, the period's overall share as a dashed line, weeks with nothing
 * verified as a gap with a tick. Each bar names its week, share and counts on hover.
 */
export function WeeklyAccuracyChart(props: { weeks: TAccuracyWeek[]; overall: number | null }) {
  const { t, locale } = useI18n();
  const { ref, width } = useElementSize();
  const dayMonth = useMemo(() => new Intl.DateTimeFormat(INTL[locale], { day: "numeric", month: "short", timeZone: "UTC" }), [locale]);
  const plotWidth = Math.max(0, width - AXIS_LEFT - 4);
  const plotHeight = HEIGHT - TOP - AXIS_BOTTOM;
  const bars = weekBars(props.weeks, { width: plotWidth, height: plotHeight, minLabelGap: 56, maxBarWidth: 36 });
  const y = (share: number) => TOP + plotHeight - share * plotHeight;
  const date = (iso: string) => dayMonth.format(new Date(`${iso.slice(0, 10)}T00:00:00Z`));

  return (
    <Box ref={ref} w="100%" data-testid="accuracy-chart">
      {width > 0 && (
        <svg width={width} height={HEIGHT} role="img" aria-label={t("classification.accuracy.chart")} style={{ display: "block", overflow: "visible" }}>
          {[0, 0.5, 1].map((share) => (
            <g key={share}>
              <line x1={AXIS_LEFT} x2={AXIS_LEFT + plotWidth} y1={y(share)} y2={y(share)} stroke="var(--mantine-color-gray-3)" strokeWidth={1} />
              <text x={AXIS_LEFT - 6} y={y(share)} dy="0.32em" textAnchor="end" fontSize={11} fill="var(--mantine-color-dimmed)">
                {Math.round(share * 100)}%
              </text>
            </g>
          ))}
          <g transform={`translate(${AXIS_LEFT} ${TOP})`}>
            {bars.map((bar) => {
              const label = bar.week.n > 0
                ? t("classification.accuracy.week", { date: date(bar.week.weekStart), percent: Math.round((bar.week.accuracy ?? 0) * 100), correct: bar.week.correct, n: bar.week.n })
                : t("classification.accuracy.weekEmpty", { date: date(bar.week.weekStart) });
              return (
                <g key={bar.week.weekStart} data-week={bar.week.weekStart}>
                  <title>{label}</title>
                  {/* The whole column answers to hover, not only the bar. */}
                  <rect x={bar.x} y={0} width={bar.width} height={plotHeight} fill="transparent" />
                  {bar.week.n > 0 ? (
                    <rect x={bar.x} y={Math.min(bar.y, plotHeight - 2)} width={bar.width} height={Math.max(bar.height, 2)} rx={Math.min(3, bar.width / 3)} fill="var(--mantine-color-repute-5)" />
                  ) : (
                    <line x1={bar.x + bar.width / 2} x2={bar.x + bar.width / 2} y1={plotHeight - 4} y2={plotHeight} stroke="var(--mantine-color-gray-4)" strokeWidth={1.5} />
                  )}
                  {bar.labelled && (
                    <text x={bar.x + bar.width / 2} y={plotHeight + 15} textAnchor="middle" fontSize={11} fill="var(--mantine-color-dimmed)">
                      {date(bar.week.weekStart)}
                    </text>
                  )}
                </g>
              );
            })}
          </g>
          {props.overall !== null && (
            <line
              x1={AXIS_LEFT}
              x2={AXIS_LEFT + plotWidth}
              y1={y(props.overall)}
              y2={y(props.overall)}
              stroke="var(--mantine-color-repute-9)"
              strokeWidth={1.25}
              strokeDasharray="4 3"
              pointerEvents="none"
            />
          )}
        </svg>
      )}
    </Box>
  );
}
