import { Text } from "@mantine/core";
import type { ReactNode } from "react";

/** A snippet with its highlight ranges marked; overlapping ranges are merged. */
export function HighlightedSnippet(props: { text: string; highlights: readonly { start: number; end: number }[] }) {
  const ranges = [...props.highlights].sort((a, b) => a.start - b.start);
  const parts: ReactNode[] = [];
  let at = 0;
  for (const range of ranges) {
    const start = Math.max(range.start, at);
    if (range.end <= start) continue;
    if (start > at) parts.push(props.text.slice(at, start));
    parts.push(
      <mark key={start} style={{ background: "var(--mantine-color-yellow-2)", borderRadius: 2, padding: "0 1px" }}>
        {props.text.slice(start, range.end)}
      </mark>,
    );
    at = range.end;
  }
  if (at < props.text.length) parts.push(props.text.slice(at));
  return (
    <Text size="xs" className="break-anywhere" data-testid="preview-snippet">
      {parts}
    </Text>
  );
}
