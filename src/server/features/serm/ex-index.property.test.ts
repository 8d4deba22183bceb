import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { SEARCH_ENGINES, type TSearchEngine } from "./default-tables.ts";
import { EX_MODES, QUERY_WEIGHT_MODES, type TExOptions, type TQuerySerp, computeEx } from "./ex-index.ts";

const engineArb = fc.constantFrom(...SEARCH_ENGINES);
const tArb = fc.double({ min: -100, max: 100, noNaN: true });

/** A results page: some of the top 20 positions filled (gaps allowed), each with a T. */
const resultsArb = (t: fc.Arbitrary<number>) =>
  fc.uniqueArray(fc.integer({ min: 1, max: 20 }), { minLength: 1, maxLength: 20 }).chain((positions) =>
    fc.tuple(...positions.map((position) => fc.record({ position: fc.constant(position), t, own: fc.boolean() }))).map((results) =>
      results.map((r) => ({ ...r, url: `https://e.example/${r.position}` })),
    ),
  );

const auditArb = (t: fc.Arbitrary<number> = tArb) =>
  fc.uniqueArray(
    fc.record({ engine: engineArb, query: fc.constantFrom("a", "b", "c", "d"), frequency: fc.integer({ min: 1, max: 100_000 }), results: resultsArb(t) }),
    { minLength: 1, maxLength: 8, selector: (s) => `${s.engine}/${s.query}` },
  ) satisfies fc.Arbitrary<TQuerySerp[]>;

const weightsArb: fc.Arbitrary<Record<TSearchEngine, number>> = fc
  .array(fc.double({ min: 0.01, max: 100, noNaN: true }), { minLength: SEARCH_ENGINES.length, maxLength: SEARCH_ENGINES.length })
  .map((weights) => Object.fromEntries(SEARCH_ENGINES.map((engine, i) => [engine, weights[i] ?? 1])) as Record<TSearchEngine, number>);

const optionsArb = fc.record({
  engineWeights: weightsArb,
  mode: fc.constantFrom(...EX_MODES),
  queryWeights: fc.constantFrom(...QUERY_WEIGHT_MODES),
  depth: fc.integer({ min: 1, max: 20 }),
}) satisfies fc.Arbitrary<TExOptions>;

const allExValues = (result: ReturnType<typeof computeEx>) => [result.overall, ...result.engines.map((e) => e.ex), ...result.queries.map((q) => q.ex)];

describe("Ex properties", () => {
  it("every Ex lies within −100…+100", () => {
    fc.assert(
      fc.property(auditArb(), optionsArb, (audit, options) => {
        for (const ex of allExValues(computeEx(audit, options))) {
          if (ex !== null) expect(Math.abs(ex)).toBeLessThanOrEqual(100 + 1e-9);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("all results positive (+100) → +100 everywhere; all negative (−100) → −100", () => {
    for (const t of [100, -100]) {
      fc.assert(
        fc.property(auditArb(fc.constant(t)), optionsArb, (audit, options) => {
          for (const ex of allExValues(computeEx(audit, options))) if (ex !== null) expect(ex).toBeCloseTo(t, 9);
        }),
        { numRuns: 200 },
      );
    }
  });

  it("engine weights: scaling them, or weighting engines not in the audit, changes nothing", () => {
    fc.assert(
      fc.property(auditArb(), optionsArb, fc.double({ min: 0.001, max: 1000, noNaN: true }), (audit, options, scale) => {
        const tracked = new Set(audit.map((s) => s.engine));
        const onlyTracked = Object.fromEntries([...tracked].map((engine) => [engine, options.engineWeights[engine]]));
        const scaled = Object.fromEntries(Object.entries(options.engineWeights).map(([engine, w]) => [engine, w * scale]));
        const base = computeEx(audit, options);
        for (const other of [computeEx(audit, { ...options, engineWeights: onlyTracked }), computeEx(audit, { ...options, engineWeights: scaled })]) {
          expect(other.overall ?? 0).toBeCloseTo(base.overall ?? 0, 8);
          expect(other.engines.map((e) => e.weight)).toEqual(base.engines.map((e) => expect.closeTo(e.weight, 12)));
        }
        expect(base.engines.reduce((s, e) => s + e.weight, 0)).toBeCloseTo(1, 12);
      }),
      { numRuns: 300 },
    );
  });

  it("scaling all frequencies, or reordering queries and results, changes nothing", () => {
    fc.assert(
      fc.property(auditArb(), optionsArb, fc.integer({ min: 2, max: 50 }), (audit, options, scale) => {
        const base = computeEx(audit, options).overall ?? 0;
        const scaled = audit.map((s) => ({ ...s, frequency: s.frequency * scale }));
        const reordered = [...audit].reverse().map((s) => ({ ...s, results: [...s.results].reverse() }));
        expect(computeEx(scaled, options).overall ?? 0).toBeCloseTo(base, 8);
        expect(computeEx(reordered, options).overall ?? 0).toBeCloseTo(base, 8);
      }),
      { numRuns: 300 },
    );
  });

  it("the results' contributions sum to the overall Ex", () => {
    fc.assert(
      fc.property(auditArb(), optionsArb, (audit, options) => {
        const result = computeEx(audit, options);
        const total = result.queries.flatMap((q) => q.results).reduce((s, r) => s + r.overallContribution, 0);
        expect(total).toBeCloseTo(result.overall ?? 0, 8);
      }),
      { numRuns: 500 },
    );
  });

  it("flat equals nested when every engine has the same queries and frequencies, each filling its whole top N", () => {
    // With different query sets per engine the two differ on purpose: flat weighs each engine by
    // F × its queries' total weight (expected clicks), nested by F alone.
    const fullArb = fc
      .record({
        depth: fc.integer({ min: 1, max: 20 }),
        engines: fc.uniqueArray(engineArb, { minLength: 1, maxLength: 4 }),
        frequencies: fc.array(fc.integer({ min: 1, max: 1000 }), { minLength: 1, maxLength: 3 }),
      })
      .chain(({ depth, engines, frequencies }) => {
        const pairs = engines.flatMap((engine) => frequencies.map((frequency, i) => ({ engine, query: `q${i}`, frequency })));
        const pageArb = fc.array(tArb, { minLength: depth, maxLength: depth }).map((ts) => ts.map((t, i) => ({ position: i + 1, url: `u${i}`, t })));
        return fc.tuple(fc.constant(depth), fc.tuple(...pairs.map((pair) => pageArb.map((results): TQuerySerp => ({ ...pair, results })))));
      });
    fc.assert(
      fc.property(fullArb, weightsArb, fc.constantFrom(...QUERY_WEIGHT_MODES), ([depth, audit], engineWeights, queryWeights) => {
        const flat = computeEx(audit, { depth, engineWeights, queryWeights, mode: "flat" });
        const nested = computeEx(audit, { depth, engineWeights, queryWeights, mode: "nested" });
        expect(flat.overall ?? 0).toBeCloseTo(nested.overall ?? 0, 8);
        expect(flat.engines.map((e) => e.ex ?? 0)).toEqual(nested.engines.map((e) => expect.closeTo(e.ex ?? 0, 8)));
      }),
      { numRuns: 300 },
    );
  });

  it("raising one result's T never lowers any Ex", () => {
    fc.assert(
      fc.property(auditArb(), optionsArb, fc.nat(), fc.double({ min: 0, max: 200, noNaN: true }), (audit, options, pick, raise) => {
        const target = audit[pick % audit.length] as TQuerySerp;
        const index = pick % target.results.length;
        const raised = audit.map((s) =>
          s === target ? { ...s, results: s.results.map((r, i) => (i === index ? { ...r, t: Math.min(100, r.t + raise) } : r)) } : s,
        );
        const before = computeEx(audit, options);
        const after = computeEx(raised, options);
        expect(after.overall ?? 0).toBeGreaterThanOrEqual((before.overall ?? 0) - 1e-9);
      }),
      { numRuns: 300 },
    );
  });
});
