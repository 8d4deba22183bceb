import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { parseSerp } from "./parse-serp.ts";
import { factProblems, groupOf, optionsFor, readExpectedPages, readPage } from "./serp-facts.test-support.ts";

/**
 * The 140 saved result pages in ../shared/fixtures/serp (SERM.md §7; Google and Bing 2021–2023,
 * Yandex 2016–2019) are not part of the project. When they are next to it, every fact their
 * source tests state (organic count, named positions' url/title/domain, ads kept out, captcha
 * and ads-only pages refused) must hold. The README in this folder lists the pass counts.
 */
const dir = fileURLToPath(new URL("../../../../../../shared/fixtures/serp/", import.meta.url));
const present = existsSync(`${dir}INDEX.md`);
const pages = present ? readExpectedPages(dir) : [];

/** Pages whose facts we do not meet, with the reason; empty since all 140 pass. */
const KNOWN_MISSES: Record<string, string> = {};
/** The floor: pages that must pass (all but the known misses). */
const FLOOR = 140 - Object.keys(KNOWN_MISSES).length;

const tally = new Map<string, { passed: number; total: number }>();

describe.skipIf(!present)("SERP parsers: facts of the saved pages in ../shared/fixtures/serp (skipped when ../shared is absent)", () => {
  afterAll(() => {
    const rows = [...tally].sort(([a], [b]) => a.localeCompare(b)).map(([group, { passed, total }]) => `  ${group.padEnd(12)} ${passed}/${total}`);
    const passed = [...tally.values()].reduce((sum, row) => sum + row.passed, 0);
    console.log(["pages passing, by engine and year:", ...rows, `  all          ${passed}/${pages.length}`].join("\n"));
  });

  for (const page of pages) {
    const miss = KNOWN_MISSES[page.name];
    it(miss ? `${page.name} (known miss: ${miss})` : page.name, () => {
      const problems = factProblems(page, parseSerp(page.engine, readPage(dir, page), optionsFor(page)));
      const row = tally.get(groupOf(page)) ?? { passed: 0, total: 0 };
      tally.set(groupOf(page), { passed: row.passed + (problems.length === 0 ? 1 : 0), total: row.total + 1 });
      if (miss) expect(problems, "a known miss now passes: take it off KNOWN_MISSES and the README").not.toEqual([]);
      else expect(problems).toEqual([]);
    });
  }

  it(`at least ${FLOOR} of the 140 pages pass`, () => {
    expect(pages).toHaveLength(140);
    const passed = [...tally.values()].reduce((sum, row) => sum + row.passed, 0);
    expect(passed).toBeGreaterThanOrEqual(FLOOR);
  });
});
