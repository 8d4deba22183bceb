import { z } from "@hono/zod-openapi";
import { CASE_STATES, CONFIRMATION_STATUSES, PUBLISH_METHODS, RESPONSE_ORIGINS, SCREENSHOT_STATUSES } from "../../db/schema/cases.ts";
import { NEGATIVE_TYPES, SENTIMENTS, SENTIMENT_ORIGINS } from "../../db/schema/monitoring.ts";
import { CASE_ACTIONS } from "./case-state.ts";

/** Response shapes of the negative-reviews API (docs/API.md, "Negative reviews"). */
const ZPerson = z.object({ id: z.string(), name: z.string().nullable() });
const ZLocalized = z.object({ en: z.string(), ru: z.string() });

export const ZCase = z
  .object({
    id: z.string(),
    brandId: z.string(),
    state: z.enum(CASE_STATES),
    stateReason: z.string().nullable(),
    stateChangedAt: z.string(),
    mention: z.object({
      id: z.string(),
      sourceKind: z.string(),
      sourceName: z.string().nullable(),
      kind: z.string(),
      url: z.string(),
      link: z.string().nullable().openapi({ description: "The original's http(s) address, to open" }),
      site: z.string().nullable(),
      title: z.string().nullable(),
      text: z.string(),
      pros: z.string().nullable(),
      cons: z.string().nullable(),
      lang: z.string().nullable(),
      author: z.object({ name: z.string().nullable(), handle: z.string().nullable(), url: z.string().nullable() }),
      rating: z.object({ value: z.number(), scale: z.number() }).nullable(),
      publishedAt: z.string(),
      sentiment: z.object({ label: z.enum(SENTIMENTS), confidence: z.number().nullable(), origin: z.enum(SENTIMENT_ORIGINS).nullable() }).nullable(),
      negativeType: z
        .object({ type: z.enum(NEGATIVE_TYPES), title: ZLocalized, reaction: ZLocalized, confidence: z.number().nullable(), origin: z.string().nullable() })
        .nullable()
        .openapi({ description: "Type of negative with the recommended reaction" }),
      aspects: z.array(z.string()),
      replyCapability: z.string(),
      ownerReply: z.record(z.string(), z.string()).nullable(),
      revision: z.number().int(),
    }),
    clusterId: z.string(),
    assignee: ZPerson.nullable(),
    dueAt: z.string(),
    overdue: z.boolean(),
    secondsLeft: z.number().int().nullable(),
    opened: z.object({ how: z.enum(["rule", "person"]), by: ZPerson.nullable(), at: z.string() }),
    screenshot: z.object({ status: z.enum(SCREENSHOT_STATUSES), hash: z.string().nullable(), url: z.string().nullable(), at: z.string().nullable(), error: z.string().nullable() }),
    latestResponse: z
      .object({
        id: z.string(),
        version: z.number().int(),
        text: z.string(),
        origin: z.enum(RESPONSE_ORIGINS),
        author: z.object({ id: z.string().nullable(), name: z.string().nullable() }),
        createdAt: z.string(),
      })
      .nullable(),
    approval: z.object({ responseId: z.string(), by: ZPerson.nullable(), at: z.string().nullable(), ofLatest: z.boolean() }).nullable(),
    publishVia: z.enum(["api", "manual"]),
    publication: z
      .object({
        how: z.enum(PUBLISH_METHODS).nullable(),
        url: z.string().nullable(),
        externalId: z.string().nullable(),
        at: z.string(),
        by: ZPerson.nullable(),
        confirmation: z.enum(CONFIRMATION_STATUSES).nullable(),
        checkedAt: z.string().nullable(),
        screenshot: z.object({ status: z.enum(SCREENSHOT_STATUSES).nullable(), hash: z.string().nullable(), url: z.string().nullable() }),
      })
      .nullable(),
    firstProposedAt: z.string().nullable(),
    resolvedAt: z.string().nullable(),
    overdueNotifiedAt: z.string().nullable(),
    actions: z.array(z.enum(CASE_ACTIONS)).openapi({ description: "What the caller may do now" }),
  })
  .openapi("Case");

export const ZCaseOne = z.object({ case: ZCase });

export const ZCaseCard = z
  .object({
    case: ZCase,
    revisions: z.array(z.object({ revision: z.number().int(), title: z.string().nullable(), text: z.string(), ratingValue: z.number().nullable(), sourceUpdatedAt: z.string().nullable(), recordedAt: z.string() })),
    copies: z.array(z.object({ id: z.string(), sourceKind: z.string(), sourceName: z.string().nullable(), url: z.string(), site: z.string().nullable(), title: z.string().nullable(), authorName: z.string().nullable(), publishedAt: z.string() })),
    copiesTotal: z.number().int(),
    relatedByAuthor: z.array(
      z.object({
        id: z.string(),
        url: z.string(),
        site: z.string().nullable(),
        title: z.string().nullable(),
        excerpt: z.string(),
        publishedAt: z.string(),
        sentiment: z.enum(SENTIMENTS).nullable(),
        negativeType: z.enum(NEGATIVE_TYPES).nullable(),
        case: z.object({ id: z.string(), state: z.enum(CASE_STATES).nullable() }).nullable(),
      }),
    ),
    events: z.array(
      z.object({
        id: z.string(),
        action: z.string(),
        from: z.enum(CASE_STATES).nullable(),
        to: z.enum(CASE_STATES),
        reason: z.string().nullable(),
        actor: z.object({ id: z.string().nullable(), name: z.string().nullable(), label: z.string() }),
        via: z.enum(["app", "approval_link", "system"]),
        at: z.string(),
      }),
    ),
  })
  .openapi("CaseCard");

export const ZCaseList = z
  .object({
    items: z.array(ZCase),
    total: z.number().int(),
    counts: z.object({
      byState: z.record(z.enum(CASE_STATES), z.number().int()),
      overdue: z.number().int(),
      unassignedOpen: z.number().int(),
      all: z.number().int(),
    }),
  })
  .openapi("CaseList");

export const ZDiffOp = z.object({ op: z.enum(["equal", "delete", "insert"]), text: z.string() });
export const ZChanges = z.object({ insertedWords: z.number().int(), deletedWords: z.number().int() });

export const ZResponseVersions = z
  .object({
    approvedResponseId: z.string().nullable(),
    versions: z.array(
      z.object({
        id: z.string(),
        version: z.number().int(),
        text: z.string(),
        origin: z.enum(RESPONSE_ORIGINS),
        author: z.object({ id: z.string().nullable(), label: z.string() }),
        createdAt: z.string(),
        approved: z.boolean(),
        diff: z.array(ZDiffOp).nullable().openapi({ description: "From the previous version; null for the first" }),
        changes: ZChanges.nullable(),
      }),
    ),
  })
  .openapi("ResponseVersions");

export const ZAttachment = z.object({ hash: z.string(), name: z.string(), mime: z.string(), size: z.number().int(), url: z.string().nullable() });

export const ZMessage = z
  .object({
    id: z.string(),
    author: z.object({ id: z.string().nullable(), name: z.string().nullable(), label: z.string() }),
    text: z.string(),
    mentions: z.array(z.string()),
    attachments: z.array(ZAttachment),
    createdAt: z.string(),
  })
  .openapi("CaseMessage");

export const ZKpis = z
  .object({
    from: z.string(),
    to: z.string(),
    opened: z.number().int(),
    needingResponse: z.number().int(),
    answered: z.number().int(),
    answeredWithinTarget: z.number().int(),
    overdueOpen: z.number().int(),
    shareAnswered: z.number().nullable(),
    shareWithinTarget: z.number().nullable(),
    timeToFirstProposal: z.object({ medianSeconds: z.number().nullable(), p90Seconds: z.number().nullable() }),
    timeToApproval: z.object({ medianSeconds: z.number().nullable(), p90Seconds: z.number().nullable() }),
    timeToPublication: z.object({ medianSeconds: z.number().nullable(), p90Seconds: z.number().nullable() }),
  })
  .openapi("CaseKpis");

export const ZCaseRules = z
  .object({
    autoOpen: z.boolean(),
    negativeTypes: z.array(z.string()),
    sourceKinds: z.array(z.string()),
    minConfidence: z.number(),
    maxAgeDays: z.number().int().nullable(),
    responseTargetHours: z.number().int(),
  })
  .openapi("CaseRules");
