/**
 * Models wrap answers in ``` fences even when told not to (and some JSON modes too). An answer
 * that is one fenced block becomes its inside; stray fence lines elsewhere are dropped.
 */
export function stripCodeFences(text: string): string {
  const trimmed = text.trim();
  const whole = /^```[\w-]*[^\S\n]*\n([\s\S]*?)\n?```$/.exec(trimmed);
  if (whole) return (whole[1] ?? "").trim();
  return trimmed
    .split("\n")
    .filter((line) => !/^\s*```[\w-]*\s*$/.test(line))
    .join("\n")
    .trim();
}
