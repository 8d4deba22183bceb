import { PgDialect } from "drizzle-orm/pg-core";
import { describe, expect, it } from "vitest";
import { searchTsquery } from "./queries.ts";
import { searchHighlights } from "./search-highlights.ts";
import { isSafeSearchWord, parseSearch, positiveTerms, printSearch } from "./search-query.ts";

const dialect = new PgDialect();
/** The SQL text and bound parameters the database would receive for a search box value. */
function rendered(q: string) {
  const search = parseSearch(q);
  const expr = search ? searchTsquery(search) : undefined;
  return expr ? dialect.sqlToQuery(expr) : null;
}

describe("search box parsing", () => {
  it("reads words as prefixes, quotes as phrases, a minus as exclusion and OR between terms", () => {
    expect(parseSearch('доставк карт "быстрая доставка" -ужас -"северный ветер" visa OR mastercard')).toEqual({
      all: [
        [{ words: ["доставк"], prefix: true }],
        [{ words: ["карт"], prefix: true }],
        [{ words: ["быстрая", "доставка"], prefix: false }],
        [
          { words: ["visa"], prefix: true },
          { words: ["mastercard"], prefix: true },
        ],
      ],
      none: [
        { words: ["ужас"], prefix: true },
        { words: ["северный", "ветер"], prefix: false },
      ],
    });
  });

  it("lower-cases, keeps ё for the database to fold, and treats a quoted single word as exact", () => {
    expect(parseSearch('Ёлка "Доставка"')).toEqual({ all: [[{ words: ["ёлка"], prefix: true }], [{ words: ["доставка"], prefix: false }]], none: [] });
  });

  it("turns every tsquery operator typed by a user into a separator", () => {
    const search = parseSearch("a & b | !c :* <-> (d) 'e' f:* g<2>h");
    expect(printSearch(search)).toBe('a* b* c* d* e* f* "g 2 h"');
    for (const term of [...(search?.all.flat() ?? []), ...(search?.none ?? [])]) for (const w of term.words) expect(isSafeSearchWord(w)).toBe(true);
  });

  it("returns null for empty and operator-only input, and tolerates stray quotes and dashes", () => {
    for (const q of ["", "   ", "& | ! :* <-> ()", '""', "-", "- -", '"'] as const) expect(parseSearch(q)).toBeNull();
    expect(printSearch(parseSearch('"unclosed phrase here'))).toBe('"unclosed phrase here"');
    expect(printSearch(parseSearch("--twice -"))).toBe("-twice*");
    expect(printSearch(parseSearch("OR a OR"))).toBe("a*");
    expect(printSearch(parseSearch("wi-fi"))).toBe('"wi fi"');
  });

  it("bounds the number of terms, phrase words and word length", () => {
    const many = parseSearch(Array.from({ length: 40 }, (_, i) => `w${i}`).join(" "));
    expect(many?.all).toHaveLength(16);
    expect(parseSearch(`"${"x ".repeat(20)}"`)?.all[0]?.[0]?.words).toHaveLength(8);
    expect(parseSearch("я".repeat(500))?.all[0]?.[0]?.words[0]).toHaveLength(64);
  });
});

describe("tsquery SQL", () => {
  it("sends only single clean words as parameters, never user text inside the SQL", () => {
    const hostile = `a & b | !c :* <-> '); drop table mentions; -- "x y" -z`;
    const query = rendered(hostile);
    expect(query).not.toBeNull();
    expect(query?.sql).not.toMatch(/drop|mentions|\bx\b|\by\b/);
    for (const param of query?.params ?? []) expect(String(param)).toMatch(/^[\p{L}\p{N}]+(:\*)?$/u);
    expect(query?.params).toContain("drop:*");
    expect(query?.sql).toContain("tsquery_phrase(");
    expect(query?.sql).toContain("!!");
  });

  it("searches each word in the Russian, English and simple configurations", () => {
    const query = rendered("доставк");
    expect(query?.sql.match(/to_tsquery\('(russian|english|simple)'::regconfig/g)).toHaveLength(3);
    expect(query?.params).toEqual(["доставк:*", "доставк:*", "доставк:*"]);
    expect(rendered('"доставка"')?.params).toEqual(["доставка", "доставка", "доставка"]);
  });

  it("has nothing to add for an empty search", () => {
    expect(rendered("&&&")).toBeNull();
  });
});

describe("search highlights", () => {
  const text = "Доставка карты заняла неделю, доставки быстрее не бывает. We delivered the card.";
  const marked = (q: string, title: string | null = null) =>
    searchHighlights(positiveTerms(parseSearch(q)), { title, text }).map((h) => (h.field === "title" ? title : text)?.slice(h.start, h.end));

  it("marks prefixes and inflected forms in Russian and English", () => {
    expect(marked("доставк")).toEqual(["Доставка", "доставки"]);
    expect(marked('"доставка"')).toEqual(["Доставка", "доставки"]);
    expect(marked("deliver")).toEqual(["delivered"]);
  });

  it("marks a phrase whole and ignores excluded words", () => {
    expect(marked('"доставка карты" -неделю')).toEqual(["Доставка карты"]);
    expect(marked("-карты")).toEqual([]);
  });

  it("marks the title too, with offsets into it", () => {
    expect(searchHighlights(positiveTerms(parseSearch("карт")), { title: "Карта", text: "нет" })).toEqual([{ field: "title", start: 0, end: 5 }]);
  });
});
