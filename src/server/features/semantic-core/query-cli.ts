import { compileQuery, match } from "./query-matcher.ts";
import { QuerySyntaxError } from "./query-syntax-error.ts";
import { VARIANT_KINDS, generateVariants, variantsQuery } from "./variants.ts";

/** What a shell command prints and its exit code; kept apart from the CLI plumbing so it is testable. */
export type TCliReport = { code: number; out: string[]; err: string[] };

/**
 * `repute query test`: exit 0 and one line per highlight when the query matches, 1 when it does
 * not, 2 with a caret under the query when it does not parse.
 */
export function queryTestReport(query: string, text: string): TCliReport {
  let compiled: ReturnType<typeof compileQuery>;
  try {
    compiled = compileQuery(query);
  } catch (error) {
    if (!(error instanceof QuerySyntaxError)) throw error;
    return { code: 2, out: [], err: [`query error: ${error.message}`, ...caretLines(query, error.column)] };
  }
  const result = match(compiled, text);
  if (!result.matched) return { code: 1, out: ["match: no"], err: [] };
  const lines = result.highlights.map(
    ({ start, end, term }) => `  ${start}-${end} ${JSON.stringify(text.slice(start, end))} (term ${term})`,
  );
  return { code: 0, out: ["match: yes", ...lines], err: [] };
}

/** `repute query variants`: the variants grouped by kind, then a query joining them all. */
export function variantsReport(name: string, abbreviations: readonly string[]): TCliReport {
  if (name.trim() === "") return { code: 2, out: [], err: ["a brand name is required"] };
  const variants = generateVariants(name, { abbreviations });
  const out: string[] = [];
  for (const kind of VARIANT_KINDS) {
    const ofKind = variants.filter((v) => v.kind === kind);
    if (ofKind.length === 0) continue;
    out.push(`${kind} (${ofKind.length}):`);
    for (const { variant, from } of ofKind) out.push(from === name.trim() ? `  ${variant}` : `  ${variant}  (from ${from})`);
  }
  if (variants.length === 0) out.push("no variants");
  out.push(`query: ${variantsQuery(name, variants)}`);
  return { code: 0, out, err: [] };
}

/** The query on one line (line breaks would misplace the caret) and a caret under `column`. */
function caretLines(query: string, column: number): string[] {
  const shown = query.replace(/[\r\n\t]/g, " ");
  return [`  ${shown}`, `  ${" ".repeat(column - 1)}^`];
}
