import { describe, expect, it } from "vitest";
import { FetchRefusedError } from "../../../lib/guarded-fetch.ts";
import { type TSerpPage, collectPages } from "./collect-pages.ts";
import { SerpProviderError } from "./provider.ts";

const item = (n: number) => ({ url: `https://example.ru/${n}`, title: `Result ${n}`, snippet: "" });
const page = (from: number, count: number, extra: Partial<TSerpPage> = {}): TSerpPage => ({
  items: Array.from({ length: count }, (_, i) => item(from + i)),
  isLast: false,
  ...extra,
});

async function collect(pages: (TSerpPage | Error)[], depth = 20, signal = new AbortController().signal) {
  const calls: number[] = [];
  const response = await collectPages({
    providerName: "Test",
    depth,
    pages: pages.length,
    signal,
    fetchPage: async (index) => {
      calls.push(index);
      const p = pages[index];
      if (p instanceof Error) throw p;
      if (!p) throw new Error("no such page");
      return p;
    },
  });
  return { response, calls };
}

describe("collectPages", () => {
  it("numbers results 1..N across pages, drops a URL a later page repeats, cuts at the depth", async () => {
    const { response } = await collect([page(1, 10), { items: [item(10), ...page(11, 12).items], isLast: false }]);
    expect(response.results).toHaveLength(20);
    expect(response.results.map((r) => r.position)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(response.results[10]).toEqual({ position: 11, url: "https://example.ru/11", title: "Result 11", snippet: "" });
    expect(response).toMatchObject({ coverage: { status: "complete" }, requests: 2 });
  });

  it("stops at a last page: exhausted when that leaves fewer than the depth", async () => {
    const { response, calls } = await collect([page(1, 6, { isLast: true }), page(7, 10)]);
    expect(calls).toEqual([0]);
    expect(response).toMatchObject({ coverage: { status: "exhausted" }, requests: 1 });
    expect(response.results).toHaveLength(6);
    const full = await collect([page(1, 10), page(11, 10, { isLast: true })]);
    expect(full.response.coverage).toEqual({ status: "complete" });
  });

  it("joins ids, sums costs in one currency, keeps the first page's total and HTML", async () => {
    const { response } = await collect([
      page(1, 10, { requestId: "a", totalFound: 500, html: "<html>1</html>", cost: { amount: 0.0006, currency: "USD" }, raw: "{\"p\":1}" }),
      page(11, 10, { requestId: "b", totalFound: 480, html: "<html>2</html>", cost: { amount: 0.0006, currency: "USD" }, raw: "{\"p\":2}" }),
    ]);
    expect(response).toMatchObject({
      requestId: "a,b",
      totalFound: 500,
      html: "<html>1</html>",
      cost: { amount: 0.0012, currency: "USD" },
      raw: ['{"p":1}', '{"p":2}'],
    });
  });

  it("a failed first page fails the search; a failed later page is page_failed with the error", async () => {
    await expect(collect([new SerpProviderError("auth", "Test: refused"), page(11, 10)])).rejects.toMatchObject({ kind: "auth" });
    const { response } = await collect([page(1, 10), new FetchRefusedError("timeout", "api.example", "no complete answer within 20000 ms")]);
    expect(response.results).toHaveLength(10);
    expect(response.coverage).toEqual({
      status: "page_failed",
      page: 2,
      error: { kind: "upstream", message: "Test: Fetch from api.example failed: no complete answer within 20000 ms" },
    });
    expect(response.requests).toBe(2);
  });

  it("a bug of ours and a cancellation are not dressed up as a failed page", async () => {
    await expect(collect([page(1, 10), new TypeError("cannot read properties of undefined")])).rejects.toBeInstanceOf(TypeError);
    const controller = new AbortController();
    controller.abort(new Error("shutting down"));
    await expect(collect([page(1, 10), new SerpProviderError("upstream", "aborted")], 20, controller.signal)).rejects.toMatchObject({ message: "aborted" });
  });
});
