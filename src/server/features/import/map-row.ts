import type { TConnectorItem, TSourceKind } from "../../connectors/connector.ts";
import type { TSentiment } from "../../db/schema/monitoring.ts";
import { type TCell, cellDate, cellNumber, cellText, cellUrl } from "./cell-values.ts";
import type { TColumnPlan } from "./column-mapping.ts";
import { deriveExternalId, safeHttpUrl } from "./external-id.ts";
import type { TImportField } from "./fields.ts";
import { parseSentiment, resolveMentionKind, resolveSourceKind } from "./source-kinds.ts";

/** One row of a file made into a connector item, or the reason it cannot be. */
export type TMappedRow = { sourceKind: TSourceKind; item: TConnectorItem; sentiment: TSentiment | null };
export type TRejection = { row: number; column?: string; reason: string };
export type TMapResult = { ok: true; row: number; value: TMappedRow } | { ok: false; rejection: TRejection };

export type TTableRow = { row: number; cells: readonly TCell[] };

const reject = (row: number, reason: string, column?: string): TMapResult => ({ ok: false, rejection: { row, column, reason } });

/** Maps one spreadsheet row (`row` is its number as Excel shows it, header included). */
export function mapTableRow(input: TTableRow, plan: TColumnPlan, tz: string): TMapResult {
  const { row, cells } = input;
  const cell = (field: TImportField): TCell => {
    const index = plan.columns[field];
    return index === undefined ? undefined : cells[index];
  };
  const header = (field: TImportField): string | undefined => {
    const index = plan.columns[field];
    return index === undefined ? undefined : plan.headers[index];
  };
  const text = (field: TImportField): string | undefined => cellText(cell(field)) || undefined;
  const count = (field: TImportField): number | undefined => {
    const value = cellNumber(cell(field));
    return value !== undefined && value >= 0 ? value : undefined;
  };

  const body = text("text");
  const title = text("title");
  if (!body && !title) return reject(row, "no text", header("text"));

  const dateField: TImportField = plan.columns.publishedAt !== undefined ? "publishedAt" : "date";
  const dateCell = cell(dateField);
  if (!cellText(dateCell)) return reject(row, "no date", header(dateField));
  const publishedAt = cellDate(dateCell, plan.columns.publishedAt === undefined ? cell("time") : undefined, tz);
  if (!publishedAt) {
    const time = plan.columns.publishedAt === undefined && text("time") ? ` ${text("time")}` : "";
    return reject(row, `cannot read "${cellText(dateCell)}${time}" as a date`, header(dateField));
  }

  const url = safeHttpUrl(cellUrl(cell("url")));
  const sourceKind = resolveSourceKind(text("source"), text("sourceType"), url);
  const kind = resolveMentionKind(text("kind"), sourceKind);
  const authorName = text("authorName");
  const rating = ratingOf(cellText(cell("rating")));
  if (rating === null) return reject(row, `cannot read "${cellText(cell("rating"))}" as a rating`, header("rating"));
  const metrics = {
    likes: count("likes"),
    dislikes: count("dislikes"),
    replies: count("replies"),
    shares: count("shares"),
    views: count("views"),
  };
  const hasMetrics = Object.values(metrics).some((v) => v !== undefined);
  const parentUrl = safeHttpUrl(cellUrl(cell("parentUrl")));
  const item: TConnectorItem = {
    kind,
    externalId: deriveExternalId({ id: text("externalId"), url, kind, publishedAt, author: authorName, text: body ?? title ?? "" }),
    url: url ?? "",
    author: compact({
      name: authorName,
      handle: text("authorHandle"),
      url: safeHttpUrl(cellUrl(cell("authorUrl"))),
      externalId: text("authorId"),
    }),
    title,
    text: body ?? "",
    pros: text("pros"),
    cons: text("cons"),
    lang: text("lang"),
    rating,
    publishedAt: publishedAt.toISOString(),
    metrics: hasMetrics ? compact(metrics) : undefined,
    parent: parentUrl ? { externalId: parentUrl, url: parentUrl } : undefined,
    replyCapability: "none",
    raw: { row, values: rawValues(plan.headers, cells) },
  };
  const sentimentText = text("sentiment");
  return { ok: true, row, value: { sourceKind, item, sentiment: sentimentText ? (parseSentiment(sentimentText) ?? null) : null } };
}

/** "4", "4/5", "4 из 5", "8 of 10"; undefined when empty, null when unreadable. */
export function ratingOf(text: string): { value: number; scale: number } | undefined | null {
  if (!text) return undefined;
  const m = /^(\d+(?:[.,]\d+)?)\s*(?:\/|из|of)\s*(\d+(?:[.,]\d+)?)$/i.exec(text);
  if (m) {
    const value = Number((m[1] ?? "").replace(",", "."));
    const scale = Number((m[2] ?? "").replace(",", "."));
    return scale > 0 && value >= 0 && value <= scale ? { value, scale } : null;
  }
  const value = Number(text.replace(",", "."));
  if (!Number.isFinite(value) || value < 0 || value > 100) return null;
  return { value, scale: value <= 5 ? 5 : value <= 10 ? 10 : 100 };
}

function compact<T extends Record<string, unknown>>(record: T): T {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(record)) if (value !== undefined) out[key] = value;
  return out as T;
}

/** The row as the file had it, by column name: evidence, and the columns no field took. */
function rawValues(headers: readonly string[], cells: readonly TCell[]): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  headers.forEach((name, i) => {
    const value = cells[i];
    if (typeof value === "number") out[name] = value;
    else {
      const text = cellUrl(value);
      if (text) out[name] = text;
    }
  });
  return out;
}
