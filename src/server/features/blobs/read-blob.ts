import type { TAppContext } from "../../context.ts";
import { notFound } from "../../lib/errors.ts";
import type { TAuth } from "../accounts/access.ts";
import { canSeeBrand } from "../accounts/permissions.ts";
import { type TBlob, getBlob } from "./queries.ts";

/** Images and PDFs open in the browser; anything else only downloads. */
export const INLINE_MIMES: ReadonlySet<string> = new Set(["image/png", "image/jpeg", "image/webp", "application/pdf"]);

export type TBlobDownload = TBlob & { hash: string; inline: boolean };

const TOKEN = "[a-z0-9][a-z0-9!#$&^_.+-]*";
const MIME = new RegExp(`^${TOKEN}/${TOKEN}(\\s*;\\s*${TOKEN}=(${TOKEN}|"[^"\\r\\n]*"))*$`);

/**
 * A brand's blob for anyone who may see the brand: every role of the brand reads it. A hash
 * of another brand is not found, as is any unknown one.
 */
export async function readBlob(app: TAppContext, auth: TAuth, brandId: string, hash: string): Promise<TBlobDownload> {
  const blob = canSeeBrand(auth, brandId) ? await getBlob(app.db, brandId, hash) : undefined;
  if (!blob) throw notFound("No such file");
  const mime = blob.mime.trim().toLowerCase();
  const base = mime.split(";")[0]?.trim() ?? "";
  if (INLINE_MIMES.has(base)) return { ...blob, hash, mime: base, inline: true };
  // A stored type that would not make a clean header is served as plain bytes.
  return { ...blob, hash, mime: MIME.test(mime) ? mime : "application/octet-stream", inline: false };
}
