import { readFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { gunzipSync } from "node:zlib";
import { parseSerp } from "./parse-serp.ts";
import { HTML_SERP_ENGINES, type THtmlSerpEngine, type TSerpRating, type TSerpResult } from "./serp-types.ts";

export const SERP_PARSE_USAGE = "repute serm parse --engine google|yandex|bing FILE.html [--json]";

/** What the shell command prints and its exit code, apart from the CLI plumbing so it is testable. */
export type TCliReport = { code: number; out: string[]; err: string[] };

const usage = (message: string): TCliReport => ({ code: 2, out: [], err: [message, `Usage: ${SERP_PARSE_USAGE}`] });

/**
 * `repute serm parse`: the organic results of a saved result page (`.html`, or `.html.gz`), as
 * JSON or as a table. Exit 0 with results (or a page that says nothing was found), 2 on bad
 * flags, an unreadable file, or a page no layout reads (unknown layout, captcha, ads page).
 */
export function serpParseReport(argv: string[], cwd: string): TCliReport {
  let parsed: ReturnType<typeof readFlags>;
  try {
    parsed = readFlags(argv);
  } catch (error) {
    return usage(error instanceof Error ? error.message : String(error));
  }
  const { values, positionals } = parsed;
  const engine = values.engine;
  if (engine === undefined) return usage("--engine is required");
  if (!isEngine(engine)) return usage(`--engine must be one of ${HTML_SERP_ENGINES.join(", ")}, not "${engine}"`);
  if (positionals.length !== 1) return usage(positionals.length === 0 ? "a saved result page (FILE.html) is required" : "give one file");
  const file = path.resolve(cwd, positionals[0] ?? "");
  let html: string;
  try {
    const bytes = readFileSync(file);
    html = (file.endsWith(".gz") ? gunzipSync(bytes) : bytes).toString("utf8");
  } catch (error) {
    return { code: 2, out: [], err: [`cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`] };
  }
  const outcome = parseSerp(engine, html);
  if (!outcome.ok) {
    const label = outcome.error === "unknown_layout" ? "unknown layout" : outcome.error === "captcha" ? "captcha" : "not a results page";
    return { code: 2, out: [], err: [`${label}: ${outcome.message}`] };
  }
  const err = outcome.warnings.map((warning) => `warning: ${warning}`);
  if (values.json) return { code: 0, out: [JSON.stringify(outcome.results, null, 2)], err };
  if (outcome.empty) return { code: 0, out: [`${outcome.layout}: the page says nothing was found (0 results)`], err };
  return { code: 0, out: [`${outcome.layout}: ${outcome.results.length} organic results`, ...table(outcome.results)], err };
}

function readFlags(argv: string[]) {
  return parseArgs({
    args: argv,
    options: { engine: { type: "string" }, json: { type: "boolean" } },
    allowPositionals: true,
    strict: true,
  });
}

const isEngine = (value: string): value is THtmlSerpEngine => (HTML_SERP_ENGINES as readonly string[]).includes(value);

const TITLE_WIDTH = 50;
const RATING_WIDTH = 16;

/** One line per result (position, rating, title, address), its snippet on the line below. */
function table(results: TSerpResult[]): string[] {
  const lines = [`${"#".padStart(3)}  ${"rating".padEnd(RATING_WIDTH)}  ${"title".padEnd(TITLE_WIDTH)}  url`];
  const indent = " ".repeat(3 + 2 + RATING_WIDTH + 2);
  for (const result of results) {
    const rating = result.rating ? showRating(result.rating) : "";
    lines.push(`${String(result.position).padStart(3)}  ${rating.padEnd(RATING_WIDTH)}  ${cut(result.title, TITLE_WIDTH).padEnd(TITLE_WIDTH)}  ${result.url}`);
    if (result.snippet !== "") lines.push(`${indent}${cut(result.snippet, 100)}`);
  }
  return lines;
}

const showRating = ({ value, scale, count }: TSerpRating) => `${value}/${scale}${count === undefined ? "" : ` (${count})`}`;
const cut = (text: string, width: number) => (text.length > width ? `${text.slice(0, width - 1)}…` : text);
