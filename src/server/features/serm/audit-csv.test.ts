import { describe, expect, it } from "vitest";
import { AuditCsvError, decodeAuditCsv, parseAuditCsv } from "./audit-csv.ts";
import { WORKED_EXAMPLE_CSV, WORKED_EXAMPLE_SERPS, auditCsv } from "./serm-test-fixtures.ts";

const problemsOf = (text: string, options?: Parameters<typeof parseAuditCsv>[1]): readonly string[] => {
  try {
    parseAuditCsv(text, options);
  } catch (error) {
    if (error instanceof AuditCsvError) return error.problems;
    throw error;
  }
  return [];
};

describe("parseAuditCsv", () => {
  it("reads the worked example into Ex inputs grouped by engine and query", () => {
    expect(parseAuditCsv(WORKED_EXAMPLE_CSV, { requireFrequency: true })).toEqual(WORKED_EXAMPLE_SERPS);
  });

  it("takes ; from a Russian Excel, a BOM, Windows-1251, decimal commas, blank lines and extra columns", () => {
    const text = "\ufeffEngine;Query;Frequency;Position;URL;Tonality;Note\nyandex;бренд;20 000;1;https://brand.example/;own;сайт\n\nYandex;бренд;20 000;2;https://x.example/;-36,5;\n";
    const expected = [
      {
        engine: "yandex",
        query: "бренд",
        frequency: 20000,
        results: [
          { position: 1, url: "https://brand.example/", t: 100, own: true },
          { position: 2, url: "https://x.example/", t: -36.5, own: false },
        ],
      },
    ];
    expect(parseAuditCsv(text)).toEqual(expected);
    const cp1251 = Buffer.from([0xe1, 0xf0, 0xe5, 0xed, 0xe4]); // «бренд»
    const bytes = Buffer.concat([Buffer.from("engine,query,frequency,position,url,tonality\nyandex,"), cp1251, Buffer.from(",1,1,https://a.example/,0\n")]);
    expect(parseAuditCsv(decodeAuditCsv(bytes))[0]?.query).toBe("бренд");
  });

  it("a frequency may be empty unless queries are weighted by it", () => {
    const text = auditCsv([["google", "q", "", "1", "https://a.example/", "positive"]]);
    expect(parseAuditCsv(text)[0]?.frequency).toBeUndefined();
    expect(problemsOf(text, { requireFrequency: true })).toEqual([
      "row 2, column frequency: is empty (needed to weight queries by frequency; or choose --query-weights equal|ctr)",
    ]);
  });

  it("names the row and column of every problem", () => {
    const text = auditCsv([
      ["yandex", "q", "100", "1", "https://a.example/", "own"],
      ["yahooo", "q", "100", "2", "https://b.example/", "0"],
      ["yandex", "q", "100", "3", "https://c.example/", "12/30"],
      ["yandex", "q", "100", "1", "https://d.example/", "0"],
      ["yandex", "q", "200", "x", "", "0"],
      ["yandex", "", "200", "4", "https://e.example/", "0"],
      ["google", "q", "1e", "1", "https://f.example/", "0"],
    ]);
    expect(problemsOf(text)).toEqual([
      'row 3, column engine: unknown engine "yahooo" (known: yandex, google, bing, mailru, rambler, duckduckgo, brave)',
      'row 4, column tonality: "12/30" is not a tonality: write a number from -100 to 100, r+/r-/r review counts (12/30/50) or one of positive, neutral, negative, own',
      "row 5, column position: position 1 of \"q\" on yandex is already in row 2",
      'row 6, column position: "x" is not a position (a whole number ≥ 1)',
      "row 6, column url: is empty",
      "row 7, column query: is empty",
      'row 8, column frequency: "1e" is not a number of searches ≥ 0',
    ]);
  });

  it("says when a query's frequency differs between its rows", () => {
    const text = auditCsv([
      ["yandex", "q", "100", "1", "https://a.example/", "0"],
      ["yandex", "q", "120", "2", "https://b.example/", "0"],
    ]);
    expect(problemsOf(text)).toEqual(["row 3, column frequency: 120 differs from 100 in row 2 for the same query and engine"]);
  });

  it("needs the header with all six columns", () => {
    expect(problemsOf("engine,query,position,url\nyandex,q,1,https://a.example/\n")).toEqual([
      "row 1 (header): missing columns frequency, tonality; the header must name engine,query,frequency,position,url,tonality",
    ]);
    expect(problemsOf("yandex,q,100,1,https://a.example/,0\n")[0]).toMatch(/^row 1 \(header\): missing columns engine, query, frequency/);
    expect(problemsOf("\n\n")).toEqual(["the file has no rows: the first row must be the header engine,query,frequency,position,url,tonality"]);
    expect(problemsOf('engine,query,frequency,position,url,tonality\nyandex,"q,100\n')[0]).toMatch(/^not a readable CSV: /);
  });
});
