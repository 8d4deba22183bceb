import { describe, expect, it } from "vitest";
import { parseSerp } from "./parse-serp.ts";
import { SERP_LAYOUTS } from "./serp-layouts.ts";
import { fixture } from "./serp-fixtures.test-support.ts";
import { HTML_SERP_ENGINES } from "./serp-types.ts";

describe("parseSerp: pages no layout reads are failures, never empty result lists", () => {
  it.each(HTML_SERP_ENGINES)("a page that is no %s result page is an unknown layout, naming the layouts tried", (engine) => {
    const outcome = parseSerp(engine, fixture("unknown-page.html"));
    expect(outcome).toMatchObject({ ok: false, engine, error: "unknown_layout" });
    if (outcome.ok) return;
    expect(outcome.layoutsTried).toEqual(SERP_LAYOUTS[engine].layouts.map((layout) => layout.id));
    expect(outcome.message).toContain("no known");
  });

  it("a page in a known frame whose results cannot be read (a redesign) is an unknown layout too", () => {
    expect(parseSerp("google", fixture("google-drifted.html"))).toMatchObject({
      ok: false,
      error: "unknown_layout",
      layoutsTried: ["google-desktop-2023"],
      message: expect.stringContaining("markup has probably changed"),
    });
  });

  it("an empty document is an unknown layout", () => {
    for (const engine of HTML_SERP_ENGINES) expect(parseSerp(engine, "")).toMatchObject({ ok: false, error: "unknown_layout" });
  });

  it("a page of one engine read as another's does not pass for results", () => {
    expect(parseSerp("bing", fixture("google-desktop-2023.html")).ok).toBe(false);
    expect(parseSerp("google", fixture("bing-2021.html")).ok).toBe(false);
    expect(parseSerp("google", fixture("yandex-desktop-2017.html")).ok).toBe(false);
  });
});
