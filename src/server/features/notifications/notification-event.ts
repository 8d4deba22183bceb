import { z } from "zod";
import { LOCALES } from "../../db/schema/accounts.ts";

/**
 * What happened to a case, as every channel receives it. Plain data, so it travels in job
 * payloads and webhook bodies as is. Everything quoted from a mention (excerpt, author, site,
 * its URL) and everything typed by people (brand names, responses, reasons) is untrusted:
 * renderers escape it, and they never trust its URLs beyond http(s).
 */
export const NOTIFICATION_KINDS = ["new_negative", "awaiting_approval", "approved", "returned", "overdue", "published"] as const;
export type TNotificationKind = (typeof NOTIFICATION_KINDS)[number];

const ZInstant = z.iso.datetime({ offset: true });
const ZHttpUrl = z.url({ protocol: /^https?$/ });

export const ZMentionSummary = z.strictObject({
  /** A piece of the mention's text (the renderers shorten it further). */
  excerpt: z.string(),
  author: z.string().nullable(),
  /** Where it was said: a site or platform name ("banki.ru", "VK"). */
  site: z.string(),
  /** The mention on its site, when it has an address. */
  url: ZHttpUrl.nullable(),
});
export type TMentionSummary = z.infer<typeof ZMentionSummary>;

const base = {
  brandName: z.string().min(1),
  caseId: z.string().min(1),
  /** Absolute link to the case in Repute. */
  caseUrl: ZHttpUrl,
  mention: ZMentionSummary,
  occurredAt: ZInstant,
  /** Who did it (a user's name); null when the system did (a new mention, a deadline). */
  actorName: z.string().nullable(),
};

export const ZNotificationEvent = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("new_negative"), ...base }),
  z.strictObject({ kind: z.literal("awaiting_approval"), ...base, responseText: z.string() }),
  z.strictObject({ kind: z.literal("approved"), ...base, responseText: z.string() }),
  z.strictObject({ kind: z.literal("returned"), ...base, responseText: z.string(), reason: z.string() }),
  z.strictObject({ kind: z.literal("overdue"), ...base, dueAt: ZInstant }),
  z.strictObject({ kind: z.literal("published"), ...base, responseText: z.string(), publishedUrl: ZHttpUrl.nullable() }),
]);
export type TNotificationEvent = z.infer<typeof ZNotificationEvent>;
export type TEventOf<K extends TNotificationKind> = Extract<TNotificationEvent, { kind: K }>;

export const ZRecipient = z.strictObject({
  locale: z.enum(LOCALES),
  /** IANA zone for the times shown; default UTC. */
  timeZone: z.string().optional(),
});
export type TRecipient = z.infer<typeof ZRecipient>;
