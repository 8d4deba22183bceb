import path from "node:path";
import { parseFlags, requireFlag, UsageError } from "../../cli/args.ts";
import type { TCommandIo } from "../../cli/io.ts";
import type { TAppContext } from "../../context.ts";
import { AppError } from "../../lib/errors.ts";
import { isValidTimeZone } from "./cell-values.ts";
import { MappingError, parseMapArgs } from "./column-mapping.ts";
import { IMPORT_FORMATS, isImportFormat } from "./detect-format.ts";
import { FIELD_HINTS, IMPORT_FIELDS } from "./fields.ts";
import { ImportFileError, fileFromPath } from "./import-file.ts";
import { DEFAULT_TIME_ZONE, type TImportSummary, importMentions } from "./import-mentions.ts";
import { PRESET_IDS, isPresetId } from "./presets.ts";
import { createProgressRenderer, group } from "./progress.ts";

/**
 * `repute import mentions --brand ID FILE`: the shell side of an import. Runs wherever the
 * command runs — in this process, or inside the running server when it owns the embedded
 * database — and reports progress on stderr and the summary on stdout.
 */
export const IMPORT_USAGE = `repute import mentions --brand ID FILE [--format ${IMPORT_FORMATS.join("|")}] [--preset ${PRESET_IDS.join("|")}] [--map "Column=field,…"] [--tz ${DEFAULT_TIME_ZONE}] [--dry-run]`;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function runImportCommand(app: TAppContext, argv: string[], io: TCommandIo): Promise<number> {
  const { values, positionals } = parseFlags(argv, {
    brand: { type: "string" },
    format: { type: "string" },
    preset: { type: "string" },
    map: { type: "string", multiple: true },
    tz: { type: "string" },
    "dry-run": { type: "boolean" },
  });
  const brandId = requireFlag({ brand: values.brand }, "brand");
  if (!UUID.test(brandId)) throw new UsageError(`--brand must be a brand id (a UUID), got "${brandId}"`);
  if (positionals.length !== 1) throw new UsageError(positionals.length === 0 ? "the file to import is required" : "give one file");
  const format = values.format;
  if (format !== undefined && !isImportFormat(format)) throw new UsageError(`--format must be one of ${IMPORT_FORMATS.join(", ")}`);
  const preset = values.preset;
  if (preset !== undefined && !isPresetId(preset)) throw new UsageError(`--preset must be one of ${PRESET_IDS.join(", ")}`);
  const timeZone = values.tz ?? DEFAULT_TIME_ZONE;
  if (!isValidTimeZone(timeZone)) throw new UsageError(`--tz "${timeZone}" is not a time zone (e.g. Europe/Moscow, UTC, +03:00)`);
  let overrides: ReturnType<typeof parseMapArgs>;
  try {
    overrides = parseMapArgs([values.map ?? []].flat());
  } catch (error) {
    if (error instanceof MappingError) throw new UsageError(`${error.problems.join("\n")}\nFields: ${IMPORT_FIELDS.join(", ")}`);
    throw error;
  }

  const interactive = io.interactive === true;
  const renderer = createProgressRenderer({ interactive, bar: (text) => io.progress(text), line: (text) => io.err(text) });
  let last = { position: { unit: "bytes" as const, done: 0, total: undefined }, read: 0, stored: 0, rejected: 0 } as Parameters<typeof renderer.done>[0];
  let summary: TImportSummary;
  try {
    const file = await fileFromPath(path.resolve(io.cwd, positionals[0] ?? ""));
    summary = await importMentions(app, {
      brandId,
      file,
      format,
      preset,
      overrides,
      timeZone,
      dryRun: values["dry-run"] === true,
      actor: { userId: null, label: "cli" },
      onProgress: (progress) => {
        last = progress;
        renderer.update(progress);
      },
    });
  } catch (error) {
    if (interactive) io.progress("");
    if (error instanceof MappingError) {
      io.err(`Cannot map the file's columns:\n  ${error.problems.join("\n  ")}`);
      if (error.headers) io.err(`Columns in the file: ${error.headers.map((h) => `"${h}"`).join(", ")}`);
      io.err(`Fields:\n${IMPORT_FIELDS.map((f) => `  ${f.padEnd(13)} ${FIELD_HINTS[f]}`).join("\n")}\nUsage: ${IMPORT_USAGE}`);
      return 2;
    }
    if (error instanceof ImportFileError || (error instanceof AppError && error.code === "not_found")) {
      io.err(error.message);
      return 1;
    }
    throw error;
  }
  renderer.done(last);
  for (const line of summaryLines(summary)) io.out(line);
  return 0;
}

export function summaryLines(s: TImportSummary): string[] {
  const where = [s.format, s.details.sheet ? `sheet "${s.details.sheet}"` : "", s.details.delimiter ? `delimiter "${s.details.delimiter === "\t" ? "\\t" : s.details.delimiter}"` : "", s.details.encoding && s.details.encoding !== "utf-8" ? s.details.encoding : "", s.preset ? `preset ${s.preset}` : ""]
    .filter(Boolean)
    .join(", ");
  const width = Math.max(...[s.read, s.inserted, s.updated, s.unchanged, s.duplicates, s.rejected].map((n) => group(n).length));
  const row = (label: string, n: number, note = "") => `  ${label.padEnd(11)}${group(n).padStart(width)}${note ? `  ${note}` : ""}`;
  const lines = [
    `${s.dryRun ? "Dry run of" : "Imported"} ${s.file} into "${s.brand.name}" (${where}) in ${s.seconds} s`,
    row("read", s.read),
    row("inserted", s.inserted, s.unmatched ? `(${group(s.unmatched)} match no semantic-core rule; kept)` : ""),
    row("updated", s.updated, s.updated ? "(text or rating changed since the last import)" : ""),
    row("unchanged", s.unchanged, s.unchanged ? "(already stored, or repeated in the file)" : ""),
    row("duplicates", s.duplicates, s.duplicates ? "(the same post is already stored from another source)" : ""),
    row("rejected", s.rejected),
  ];
  for (const r of s.rejections) lines.push(`    ${s.format === "jsonl" ? "line" : "row"} ${r.row}${r.column ? `, ${s.format === "jsonl" ? "field" : "column"} "${r.column}"` : ""}: ${r.reason}`);
  if (s.rejected > s.rejections.length) lines.push(`    … and ${group(s.rejected - s.rejections.length)} more`);
  if (s.dryRun) lines.push("Dry run: nothing was stored.");
  return lines;
}
