import { readFileSync } from "node:fs";
import { expect } from "vitest";
import { parseSerp } from "./parse-serp.ts";
import type { THtmlSerpEngine, TSerpPage, TSerpParseOptions } from "./serp-types.ts";

/** Our own hand-written result pages (./fixtures), in each engine's markup. */
export const fixture = (name: string): string => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), "utf8");

/** Parses a fixture that must read; fails the test with the parser's message otherwise. */
export function readFixture(engine: THtmlSerpEngine, name: string, options?: TSerpParseOptions): TSerpPage {
  const outcome = parseSerp(engine, fixture(name), options);
  if (!outcome.ok) expect.fail(`${name}: ${outcome.error}: ${outcome.message}`);
  return outcome;
}
