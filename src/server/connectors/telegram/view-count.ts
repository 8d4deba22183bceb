const SUFFIX: Readonly<Record<string, number>> = { k: 1e3, m: 1e6, b: 1e9 };

/**
 * The view counter as t.me shows it: "987", "1.2K", "3.4M" (a comma may stand for the point;
 * spaces or commas may group the digits of a plain count). Undefined for anything else, so a
 * new format is never read as 0.
 */
export function parseViewCount(shown: string): number | undefined {
  const value = shown.replace(/[\s\u00a0]/g, "");
  const plain = /^\d{1,3}(?:[,.]\d{3})*$|^\d+$/.test(value);
  if (plain) return Number(value.replace(/[,.]/g, ""));
  const short = /^(\d+(?:[.,]\d+)?)([kmb])$/i.exec(value);
  if (!short) return undefined;
  return Math.round(Number((short[1] ?? "").replace(",", ".")) * (SUFFIX[(short[2] ?? "").toLowerCase()] ?? Number.NaN));
}
