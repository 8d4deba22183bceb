import { randomBytes } from "node:crypto";

/**
 * Mention texts are written by strangers and may say "ignore the instructions above". They go
 * into a prompt only as JSON strings (quotes and line breaks escaped, so a text cannot end its
 * own string or start a line of its own) between two marker lines carrying a random tag the
 * author cannot know in advance — and the system prompt says the block is data, never orders.
 */
export type TFence = { open: string; close: string };

export function newFence(name: string, random: () => string = () => randomBytes(6).toString("hex")): TFence {
  const tag = random();
  return { open: `<<<${name} ${tag}`, close: `${name} ${tag}>>>` };
}

/** One JSON object per line between the fence's marker lines. */
export function fenced(fence: TFence, records: readonly Record<string, unknown>[]): string {
  return [fence.open, ...records.map((record) => JSON.stringify(record)), fence.close].join("\n");
}

/**
 * At most `max` characters (code points): the whole text, or its head cut at a word boundary
 * with "…" — long articles would otherwise fill the context window for one label.
 */
export function clip(text: string, max: number): string {
  const chars = Array.from(text);
  if (chars.length <= max) return text;
  const head = chars.slice(0, max - 1).join("");
  const space = head.search(/\s\S*$/u);
  return `${space > max * 0.6 ? head.slice(0, space) : head}…`;
}
