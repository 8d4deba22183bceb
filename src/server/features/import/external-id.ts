import { createHash } from "node:crypto";
import type { TMentionKind } from "../../connectors/connector.ts";
import { canonicalizeUrl } from "../ingest/canonical-url.ts";

/**
 * The identity of an imported row, stable across re-imports of the same file so the pipeline's
 * (brand, source, external id) dedupe makes a second import add nothing:
 *  1. the file's own id column, as written;
 *  2. else the link's canonical key — for posts and articles the link is the thing itself; a
 *     comment or review often shares its page's link, so theirs adds a hash of date, author, text;
 *  3. else a hash of date, author and text.
 */
export type TIdentityInput = {
  id?: string;
  url?: string;
  kind: TMentionKind;
  publishedAt: Date;
  author?: string;
  text: string;
};

export function deriveExternalId(input: TIdentityInput): string {
  const id = input.id?.trim();
  if (id) return id;
  const key = input.url ? canonicalizeUrl(input.url)?.key : undefined;
  if (key) return input.kind === "post" || input.kind === "article" ? `url:${key}` : `url:${key}#${contentDigest(input).slice(0, 16)}`;
  return `hash:${contentDigest(input).slice(0, 40)}`;
}

function contentDigest(input: TIdentityInput): string {
  const squash = (s: string | undefined) => (s ?? "").normalize("NFC").replace(/\s+/g, " ").trim().toLowerCase();
  return createHash("sha256").update(`${input.publishedAt.toISOString()}\u0000${squash(input.author)}\u0000${squash(input.text)}`).digest("hex");
}

/** Only web links: a `javascript:` or `data:` "URL" from a file must never become an href. */
export function safeHttpUrl(value: string | undefined): string | undefined {
  const text = value?.trim();
  if (!text) return undefined;
  const candidate = /^https?:\/\//i.test(text) ? text : /^(www\.)?[\w-]+(\.[\w-]+)*\.[a-zа-я]{2,}(\/|$)/i.test(text) ? `https://${text}` : undefined;
  if (!candidate) return undefined;
  try {
    const url = new URL(candidate);
    return url.protocol === "http:" || url.protocol === "https:" ? url.toString() : undefined;
  } catch {
    return undefined;
  }
}
