/**
 * The usual reputation queries for a brand (issue 6): the name alone, with «отзывы» / reviews,
 * the negative ones people type when they suspect something («обман», «жалобы», scam), the
 * employer ones, and each key person alone and with the brand. Queries the brand already
 * tracks are left out.
 */
export type TQuerySuggestion = { text: string; kind: "brand" | "reviews" | "negative" | "employer" | "person" };

const BRAND_SUFFIXES: readonly [string, TQuerySuggestion["kind"]][] = [
  ["", "brand"],
  ["отзывы", "reviews"],
  ["reviews", "reviews"],
  ["обман", "negative"],
  ["жалобы", "negative"],
  ["развод", "negative"],
  ["scam", "negative"],
  ["работодатель", "employer"],
  ["отзывы сотрудников", "employer"],
];

const squash = (text: string) => text.replace(/\s+/g, " ").trim();

export function suggestQueries(brand: string, persons: readonly string[], existing: readonly string[]): TQuerySuggestion[] {
  const name = squash(brand);
  const taken = new Set(existing.map((q) => squash(q).toLowerCase()));
  const out: TQuerySuggestion[] = [];
  const add = (text: string, kind: TQuerySuggestion["kind"]) => {
    const clean = squash(text);
    if (clean === "" || taken.has(clean.toLowerCase())) return;
    taken.add(clean.toLowerCase());
    out.push({ text: clean, kind });
  };
  for (const [suffix, kind] of BRAND_SUFFIXES) add(`${name} ${suffix}`, kind);
  for (const person of persons) {
    add(person, "person");
    if (name !== "") add(`${person} ${name}`, "person");
  }
  return out;
}
