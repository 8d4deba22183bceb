import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { afterAll, describe, expect, it } from "vitest";
import { fixture } from "./serp-fixtures.test-support.ts";
import { SERP_PARSE_USAGE, serpParseReport } from "./serp-parse-cli.ts";

const fixtures = fileURLToPath(new URL("./fixtures/", import.meta.url));
const run = (...argv: string[]) => serpParseReport(argv, fixtures);

describe("repute serm parse", () => {
  const scratch = mkdtempSync(path.join(tmpdir(), "serp-parse-"));
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it("prints the organic results as JSON with --json", () => {
    const report = run("--engine", "bing", "bing-2023.html", "--json");
    expect(report.code).toBe(0);
    expect(report.err).toEqual([]);
    const results: unknown = JSON.parse(report.out.join("\n"));
    expect(results).toEqual([
      {
        position: 1,
        url: "https://www.northwind.example/",
        title: "Northwind Bank: Personal Banking, Savings & Loans",
        snippet: "Open a current account, save and borrow with Northwind Bank.",
      },
      {
        position: 2,
        url: "https://www.trustpilot.example/review/northwind.example",
        title: "Northwind Bank Reviews | Read Customer Service Reviews",
        snippet: "Do you agree with Northwind Bank's TrustScore? Voice your opinion today.",
        rating: { value: 2.1, scale: 5, count: 1300 },
      },
      {
        position: 3,
        url: "https://forum.example.net/t/northwind-bank-fees/4411",
        title: "Northwind Bank hidden fees? : personalfinance",
        snippet: "They charged me twice for the same transfer.",
      },
    ]);
  });

  it("prints a table by default: layout, then position, rating, title and address, snippet below", () => {
    const { code, out, err } = run("--engine", "google", "google-desktop-2023.html");
    expect({ code, err }).toEqual({ code: 0, err: [] });
    expect(out[0]).toBe("google-desktop-2023: 5 organic results");
    expect(out[1]).toMatch(/^ {2}# {2}rating +title +url$/);
    expect(out).toContainEqual(expect.stringMatching(/^ {2}4 {2}2\.1\/5 \(1284\) +Northwind Bank Reviews \| Read Customer Service Re… {2}https:\/\/www\.trustpilot\.example\/review\/northwind\.example$/));
    expect(out).toContainEqual(expect.stringMatching(/^ +They charged me twice for the same transfer/));
  });

  it("reads a gzipped page and says so when the page found nothing", () => {
    const file = path.join(scratch, "empty.html.gz");
    writeFileSync(file, gzipSync(fixture("yandex-no-results.html")));
    expect(serpParseReport(["--engine", "yandex", file], "/")).toEqual({
      code: 0,
      out: ["yandex-desktop-2017: the page says nothing was found (0 results)"],
      err: [],
    });
    expect(serpParseReport(["--engine", "yandex", "--json", file], "/").out).toEqual(["[]"]);
  });

  it("exits 2 with the reason on a page no layout reads", () => {
    expect(run("--engine", "yandex", "unknown-page.html")).toEqual({
      code: 2,
      out: [],
      err: ["unknown layout: no known yandex result-page layout matches this page (tried yandex-touch-2017, yandex-desktop-2016, yandex-desktop-2017)"],
    });
    expect(run("--engine", "google", "google-drifted.html", "--json")).toMatchObject({ code: 2, out: [], err: [expect.stringMatching(/^unknown layout: the page looks like google-desktop-2023/)] });
    expect(run("--engine", "yandex", "yandex-captcha.html")).toMatchObject({ code: 2, err: [expect.stringMatching(/^captcha: /)] });
  });

  it("exits 2 with a message and the usage on bad flags", () => {
    const usage = `Usage: ${SERP_PARSE_USAGE}`;
    expect(run("google-desktop-2023.html")).toEqual({ code: 2, out: [], err: ["--engine is required", usage] });
    expect(run("--engine", "duckduckgo", "x.html")).toEqual({ code: 2, out: [], err: ['--engine must be one of google, yandex, bing, not "duckduckgo"', usage] });
    expect(run("--engine", "google")).toEqual({ code: 2, out: [], err: ["a saved result page (FILE.html) is required", usage] });
    expect(run("--engine", "google", "a.html", "b.html")).toEqual({ code: 2, out: [], err: ["give one file", usage] });
    expect(run("--engine", "google", "--depth", "2", "a.html")).toMatchObject({ code: 2, err: [expect.stringContaining("--depth"), usage] });
    expect(run("--engine", "google", "missing.html")).toMatchObject({ code: 2, out: [], err: [expect.stringMatching(/^cannot read .*missing\.html/)] });
  });
});
