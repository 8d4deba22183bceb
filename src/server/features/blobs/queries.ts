import { createHash } from "node:crypto";
import { and, eq } from "drizzle-orm";
import type { TExecutor } from "../../context.ts";
import { blobs } from "../../db/schema/blobs.ts";

/** A stored file: its bytes and what they are. */
export type TBlob = { bytes: Buffer; mime: string; size: number };

/** SHA-256 of the bytes, lowercase hex: a blob's address within its brand. */
export const BLOB_HASH = /^[0-9a-f]{64}$/;

/** Stores bytes for a brand under their SHA-256; storing the same bytes again changes nothing. */
export async function putBlob(db: TExecutor, brandId: string, bytes: Buffer, mime: string): Promise<{ hash: string; size: number }> {
  const hash = createHash("sha256").update(bytes).digest("hex");
  await db.insert(blobs).values({ brandId, hash, mime, size: bytes.length, bytes }).onConflictDoNothing();
  return { hash, size: bytes.length };
}

/** The brand's blob with this hash; another brand's is not found. */
export async function getBlob(db: TExecutor, brandId: string, hash: string): Promise<TBlob | undefined> {
  const [row] = await db
    .select({ bytes: blobs.bytes, mime: blobs.mime, size: blobs.size })
    .from(blobs)
    .where(and(eq(blobs.brandId, brandId), eq(blobs.hash, hash)))
    .limit(1);
  return row;
}
