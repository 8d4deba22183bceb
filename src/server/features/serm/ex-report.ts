import type { TAggregateIndices, TExMode, TExResult, TQueryWeightMode } from "./ex-index.ts";
import { exBand } from "./tonality-colour.ts";

/**
 * How `repute serm ex` shows a computed Ex: JSON (Ex and indices to 0.01, weights and
 * contributions to 0.0001) or aligned text tables.
 */
export type TExSettings = { mode: TExMode; queryWeights: TQueryWeightMode; depth: number; ctrLabel: string; engineWeightsLabel: string };

const round = (value: number | null | undefined, digits = 2): number | null =>
  value === null || value === undefined ? null : Math.round(value * 10 ** digits) / 10 ** digits || 0;

const roundIndices = (indices: TAggregateIndices) => ({
  negShare: round(indices.negShare),
  negVisibility: round(indices.negVisibility),
  ownShare: round(indices.ownShare),
  gfdScore: round(indices.gfdScore),
  eisenegger: round(indices.eisenegger),
});

const bandOf = (ex: number | null) => (ex === null ? null : exBand(ex));

export function exReportJson(result: TExResult, settings: TExSettings) {
  return {
    overall: round(result.overall),
    band: bandOf(result.overall),
    ...roundIndices(result.indices),
    expectedClicks: round(result.expectedClicks, 1),
    settings,
    engines: Object.fromEntries(
      result.engines.map((e) => [e.engine, { weight: round(e.weight, 4), ex: round(e.ex), band: bandOf(e.ex), ...roundIndices(e.indices) }]),
    ),
    queries: result.queries.map((q) => ({
      engine: q.engine,
      query: q.query,
      frequency: q.frequency ?? null,
      weight: round(q.weight, 4),
      ex: round(q.ex),
      band: bandOf(q.ex),
      ...roundIndices(q.indices),
      results: q.results.map((r) => ({
        position: r.position,
        url: r.url,
        t: round(r.t),
        own: r.own,
        ctr: r.ctr,
        queryContribution: round(r.queryContribution, 4),
        overallContribution: round(r.overallContribution, 4),
      })),
    })),
  };
}

const signed = (value: number | null, digits = 2) => (value === null ? "—" : `${value > 0 ? "+" : ""}${value.toFixed(digits)}`);
const percent = (value: number | null, digits = 1) => (value === null ? "—" : `${value.toFixed(digits)}%`);

function indexCells(indices: TAggregateIndices): string[] {
  return [percent(indices.negShare), percent(indices.negVisibility), percent(indices.ownShare, 0), signed(indices.gfdScore, 0), signed(indices.eisenegger, 0)];
}

/** Columns padded to their widest cell; the last column is not padded. */
function table(rows: readonly (readonly string[])[]): string[] {
  const widths = (rows[0] ?? []).map((_, column) => Math.max(...rows.map((row) => [...(row[column] ?? "")].length)));
  return rows.map((row) => row.map((cell, column) => (column === row.length - 1 ? cell : cell.padEnd(widths[column] ?? 0))).join("  ").trimEnd());
}

export function exReportLines(result: TExResult, settings: TExSettings, options: { explain?: boolean } = {}): string[] {
  const n = settings.depth;
  const indexHeader = [`NegShare@${n}`, `NegVis@${n}`, "own@10", "GFD", "Eisenegger"];
  const lines = [
    `Ex ${signed(result.overall)}${result.overall === null ? "" : ` (${exBand(result.overall)})`} · ${settings.mode} · queries weighted by ${settings.queryWeights} · engines ${settings.engineWeightsLabel} · CTR ${settings.ctrLabel} · top ${n}`,
  ];
  if (result.expectedClicks !== null) lines.push(`Expected clicks a month on these results: ${Math.round(result.expectedClicks).toLocaleString("en-US")}`);
  lines.push(
    "",
    ...table([
      ["engine", "weight", "Ex", ...indexHeader],
      ...result.engines.map((e) => [e.engine, percent(e.weight * 100), signed(e.ex), ...indexCells(e.indices)]),
    ]),
    "",
  );
  const rows: string[][] = [["engine", "query", "weight", "Ex", ...indexHeader]];
  const explanations = new Map<number, string[]>();
  for (const q of result.queries) {
    rows.push([q.engine, q.query, String(round(q.weight, 4)), signed(q.ex), ...indexCells(q.indices)]);
    if (options.explain) {
      explanations.set(
        rows.length - 1,
        q.results.map((r) => `    ${String(r.position).padStart(2)}  T ${signed(r.t).padStart(7)}  P ${r.ctr.toFixed(2).padStart(5)}  → Ex(query) ${signed(r.queryContribution).padStart(7)}  Ex ${signed(r.overallContribution, 3).padStart(8)}  ${r.own ? "own  " : ""}${r.url}`),
      );
    }
  }
  table(rows).forEach((line, i) => lines.push(line, ...(explanations.get(i) ?? [])));
  return lines;
}
