import { Anchor, Text } from "@mantine/core";
import { Fragment, useState } from "react";
import { useT } from "../../i18n/i18n-context.tsx";
import { type TMarkRange, collapsedWindows, segments } from "./highlight.ts";

const MARK_STYLE: Record<string, React.CSSProperties> = {
  rule: { background: "var(--mantine-color-yellow-2)", color: "inherit", borderRadius: 3, padding: "0 1px" },
  search: { background: "var(--mantine-color-repute-1)", color: "inherit", borderRadius: 3, padding: "0 1px", boxShadow: "inset 0 -2px 0 var(--mantine-color-repute-5)" },
  "rule search": { background: "var(--mantine-color-yellow-3)", color: "inherit", borderRadius: 3, padding: "0 1px", boxShadow: "inset 0 -2px 0 var(--mantine-color-repute-5)" },
};

/** One piece of text with its marks; mention text is untrusted and only ever becomes text nodes. */
export function Marked({ text, ranges }: { text: string; ranges: readonly TMarkRange[] }) {
  return (
    <>
      {segments(text, ranges).map((s, i) =>
        s.marks.length ? (
          <mark key={i} style={MARK_STYLE[s.marks.join(" ")]} data-mark={s.marks.join(" ")}>
            {s.text}
          </mark>
        ) : (
          <Fragment key={i}>{s.text}</Fragment>
        ),
      )}
    </>
  );
}

/**
 * A mention's text with rule hits and search hits marked. Long texts start collapsed — the
 * beginning and, if the first mark is further on, the passage around it — with "show more".
 */
export function HighlightedText(props: { text: string; ranges: readonly TMarkRange[]; limit?: number; size?: string; testId?: string }) {
  const t = useT();
  const [expanded, setExpanded] = useState(false);
  const windows = collapsedWindows(props.text, props.ranges, props.limit ?? 420);
  const clamped = windows.length > 1 || (windows[0]?.end ?? 0) < props.text.length;
  const shown = expanded || !clamped ? [{ start: 0, end: props.text.length }] : windows;
  return (
    <Text size={props.size ?? "sm"} style={{ whiteSpace: "pre-line" }} className="break-anywhere" data-testid={props.testId}>
      {shown.map((w, i) => (
        <Fragment key={w.start}>
          {i > 0 && " … "}
          <Marked
            text={props.text.slice(w.start, w.end)}
            ranges={props.ranges.map((r) => ({ ...r, start: r.start - w.start, end: r.end - w.start }))}
          />
        </Fragment>
      ))}
      {clamped && !expanded && "…"}
      {clamped && (
        <>
          {" "}
          <Anchor component="button" type="button" size={props.size ?? "sm"} onClick={() => setExpanded((v) => !v)} fw={500}>
            {expanded ? t("mentions.showLess") : t("mentions.showMore")}
          </Anchor>
        </>
      )}
    </Text>
  );
}
