import { describe, expect, it } from "vitest";
import { parseSerp } from "../parse-serp.ts";
import { fixture, readFixture } from "../serp-fixtures.test-support.ts";

const expectedUrls = [
  "https://www.northwind.example/",
  "https://www.trustpilot.example/review/northwind.example",
  "https://forum.example.net/t/northwind-bank-fees/4411",
];

describe("Bing 2021", () => {
  const page = readFixture("bing", "bing-2021.html");

  it("reads the li.b_algo results and leaves out ads and answers (and results nested in them)", () => {
    expect(page.layout).toBe("bing-2021");
    expect(page.results.map((r) => r.url)).toEqual(expectedUrls);
    expect(page.results.map((r) => r.position)).toEqual([1, 2, 3]);
    expect(page.results[0]).toEqual({
      position: 1,
      url: "https://www.northwind.example/",
      title: "Northwind Bank: Personal Banking, Savings & Loans",
      snippet: "Open a current account, save and borrow with Northwind Bank.",
    });
  });

  it("reads the rating beside the stars, count in the local notation (1,2K)", () => {
    expect(page.results[1]?.rating).toEqual({ value: 2.1, scale: 5, count: 1200 });
  });
});

describe("Bing 2023", () => {
  const page = readFixture("bing", "bing-2023.html");

  it("decodes ck/a?…&u=a1<base64url> links to the pages they lead to", () => {
    expect(page.layout).toBe("bing-2023");
    expect(page.results.map((r) => r.url)).toEqual(expectedUrls);
    expect(page.warnings).toEqual([]);
  });

  it("takes the caption without the WEB badge and the date in front, and the rating", () => {
    expect(page.results[0]?.snippet).toBe("Open a current account, save and borrow with Northwind Bank.");
    expect(page.results[1]).toMatchObject({
      title: "Northwind Bank Reviews | Read Customer Service Reviews",
      snippet: "Do you agree with Northwind Bank's TrustScore? Voice your opinion today.",
      rating: { value: 2.1, scale: 5, count: 1300 },
    });
  });
});

describe("Bing pages without results", () => {
  it("li.b_no is a page that says nothing was found", () => {
    expect(parseSerp("bing", fixture("bing-no-results.html"))).toMatchObject({ ok: true, layout: "bing-2021", empty: true, results: [] });
  });
});
