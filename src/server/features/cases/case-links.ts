import type { TConfig } from "../../config.ts";

/**
 * Addresses a case gives out. The web UI shows a case at /b/{brandId}/negative/{caseId}; blobs
 * (screenshots, attachments) are served, to members of the brand, by the blobs feature.
 */
export const caseUrl = (config: Pick<TConfig, "publicUrl">, brandId: string, caseId: string): string =>
  `${config.publicUrl}/b/${encodeURIComponent(brandId)}/negative/${encodeURIComponent(caseId)}`;

export const blobPath = (brandId: string, hash: string | null): string | null =>
  hash ? `/api/brands/${encodeURIComponent(brandId)}/blobs/${encodeURIComponent(hash)}` : null;

export const approvalUrl = (config: Pick<TConfig, "publicUrl">, token: string): string => `${config.publicUrl}/approve/${token}`;

export const unsubscribeUrl = (config: Pick<TConfig, "publicUrl">, token: string): string => `${config.publicUrl}/unsubscribe/${token}`;

/** An http(s) URL as given, or null: mention URLs come from platforms and are not trusted. */
export function httpUrlOrNull(value: string | null | undefined): string | null {
  if (!value) return null;
  try {
    const url = new URL(value);
    return url.protocol === "http:" || url.protocol === "https:" ? url.toString() : null;
  } catch {
    return null;
  }
}
