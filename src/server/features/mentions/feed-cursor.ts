import { AppError } from "../../lib/errors.ts";
import type { TFeedKey } from "./queries.ts";

/**
 * The feed's keyset cursor: the last row's exact publication instant (microseconds, UTC) and
 * id, as opaque base64url. Rows arriving while someone scrolls land above the cursor and never
 * shift the pages below it: no gaps, no repeats.
 */
export function encodeFeedCursor(key: TFeedKey): string {
  return Buffer.from(JSON.stringify([key.at, key.id])).toString("base64url");
}

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function decodeFeedCursor(cursor: string): TFeedKey {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    if (!Array.isArray(parsed) || parsed.length !== 2) throw new Error("shape");
    const [at, id] = parsed as unknown[];
    if (typeof at !== "string" || !INSTANT.test(at) || Number.isNaN(Date.parse(at))) throw new Error("instant");
    if (typeof id !== "string" || !UUID.test(id)) throw new Error("id");
    return { at, id };
  } catch {
    throw new AppError("validation_failed", "cursor: not a cursor this API issued", {
      fields: [{ path: "cursor", message: "not a cursor this API issued" }],
    });
  }
}
