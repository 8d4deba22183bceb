import { describe, expect, it } from "vitest";
import { parseSerp } from "../parse-serp.ts";
import { fixture, readFixture } from "../serp-fixtures.test-support.ts";

describe("Google desktop 2023", () => {
  const page = readFixture("google", "google-desktop-2023.html");

  it("is recognised as its layout and reads the organic results in page order", () => {
    expect(page.layout).toBe("google-desktop-2023");
    expect(page.empty).toBe(false);
    expect(page.warnings).toEqual([]);
    expect(page.results.map((r) => [r.position, r.url])).toEqual([
      [1, "https://en.wikipedia.org/wiki/Northwind_Bank"],
      [2, "https://www.northwind.example/"],
      [3, "https://www.northwind.example/business/"],
      [4, "https://www.trustpilot.example/review/northwind.example"],
      [5, "https://forum.example.net/t/northwind-bank-fees/4411"],
    ]);
  });

  it("counts the featured snippet as result 1, with its answer as the snippet", () => {
    expect(page.results[0]).toEqual({
      position: 1,
      url: "https://en.wikipedia.org/wiki/Northwind_Bank",
      title: "Northwind Bank - Wikipedia",
      snippet: "Northwind Bank is a retail bank founded in 1921 and headquartered in Portsmouth.",
    });
  });

  it("leaves out ads (top and bottom), People also ask, top stories and the knowledge panel", () => {
    const urls = page.results.map((r) => r.url).join(" ");
    expect(urls).not.toMatch(/googleadservices|offers\.northwind|faq\.example|news\.example|\/about/);
    expect(page.results.map((r) => r.title)).not.toContain("Compare Bank Accounts - Switch in 7 Days");
  });

  it("keeps an indented result of the same site apart from the one above it", () => {
    expect(page.results[1]?.snippet).toBe("Open a current account, save and borrow with Northwind Bank. Manage everything in the app.");
    expect(page.results[2]).toMatchObject({ title: "Business banking | Northwind Bank", snippet: "Accounts and loans for small businesses." });
  });

  it("reads the star rating the snippet shows", () => {
    expect(page.results[3]?.rating).toEqual({ value: 2.1, scale: 5, count: 1284 });
    expect(page.results[1]?.rating).toBeUndefined();
  });

  it("resolves a /url?q= redirect to the page it leads to", () => {
    expect(page.results[4]).toMatchObject({ url: "https://forum.example.net/t/northwind-bank-fees/4411", title: "Northwind Bank hidden fees? : personalfinance" });
  });
});

/** The two results the phone and basic-HTML fixtures share. */
const homepage = {
  position: 1,
  url: "https://www.northwind.example/",
  title: "Northwind Bank: Personal Banking, Savings & Loans",
  snippet: "Open a current account, save and borrow with Northwind Bank.",
};
const reviews = (url: string) => ({
  position: 2,
  url,
  title: "Northwind Bank Reviews | Trustpilot",
  snippet: "Hear what 1,284 customers have already said.",
  rating: { value: 2.1, scale: 5, count: 1284 },
});

describe("Google for phones 2023", () => {
  it("reads the result cards and leaves out the ad and People also ask", () => {
    const page = readFixture("google", "google-mobile-2023.html");
    expect(page.layout).toBe("google-mobile-2023");
    expect(page.results).toEqual([homepage, reviews("https://www.trustpilot.example/review/northwind.example")]);
  });
});

describe("Google basic HTML 2023", () => {
  it("unwraps /url?q= links, skips /aclk ads and keeps rating line and sitelinks out of the snippet", () => {
    const page = readFixture("google", "google-basic-2023.html");
    expect(page.layout).toBe("google-basic-2023");
    expect(page.results).toEqual([homepage, reviews("https://www.trustpilot.example/review/northwind.example?languages=all")]);
  });
});

describe("Google pages without results", () => {
  it("a page that says nothing matched is an empty page of its layout", () => {
    expect(parseSerp("google", fixture("google-no-results.html"))).toEqual({
      ok: true,
      engine: "google",
      layout: "google-desktop-2023",
      empty: true,
      results: [],
      warnings: [],
    });
  });

  it("the unusual-traffic page is a captcha, not an empty page", () => {
    expect(parseSerp("google", fixture("google-captcha.html"))).toMatchObject({ ok: false, error: "captcha", layoutsTried: [] });
  });
});
