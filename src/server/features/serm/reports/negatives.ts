import type { TAppContext } from "../../../context.ts";
import { NEGATIVE_UP_TO } from "../tonality.ts";
import { explainEx } from "./ex-explain.ts";

/**
 * NegShare@N and NegVisibility@N of one day for any N (SERM.md §2.2): the share of negative
 * results (T ≤ −20, not own) in the top N, and the share of the top N's clicks (Σ P(n)) they
 * take — overall and per engine weighted like Ex, per query × engine with the negatives named.
 */
export type TNegativesReport = {
  day: string;
  n: number;
  overall: { negShare: number | null; negVisibility: number | null };
  engines: { engine: string; negShare: number | null; negVisibility: number | null }[];
  queries: { queryId: string; query: string | null; engine: string; negatives: number; negShare: number | null; negVisibility: number | null; results: { position: number; url: string; domain: string; t: number }[] }[];
  gaps: { queryId: string; query: string | null; engine: string; status: string; error: string | null }[];
};

export async function negativesReport(app: TAppContext, brandId: string, day: string, n: number): Promise<TNegativesReport> {
  const explained = await explainEx(app, brandId, day, n);
  return {
    day,
    n,
    overall: { negShare: explained.indices?.negShare ?? null, negVisibility: explained.indices?.negVisibility ?? null },
    engines: explained.engines.map((e) => ({ engine: e.engine, negShare: e.indices.negShare, negVisibility: e.indices.negVisibility })),
    queries: explained.queries.map((q) => {
      const negatives = q.results.filter((r) => !r.own && r.t <= NEGATIVE_UP_TO);
      return {
        queryId: q.queryId,
        query: q.query,
        engine: q.engine,
        negatives: negatives.length,
        negShare: q.indices.negShare,
        negVisibility: q.indices.negVisibility,
        results: negatives.map((r) => ({ position: r.position, url: r.url, domain: r.domain, t: r.t })),
      };
    }),
    gaps: explained.gaps,
  };
}
