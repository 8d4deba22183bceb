import { type TRenderedEmail, type THtml, type TUnsubscribe, composeEmail, el, textQuote } from "./email-layout.ts";
import { eventView } from "./event-view.ts";
import type { TNotificationEvent, TRecipient } from "./notification-event.ts";
import { safeHttpUrl } from "./untrusted-text.ts";

/** What only this recipient's e-mail carries: an approver's own single-use approval link. */
export type TEmailActions = { approvalUrl?: string };

/** One e-mail about one event, in the recipient's language. */
export function renderEventEmail(event: TNotificationEvent, recipient: TRecipient, unsubscribe: TUnsubscribe, actions: TEmailActions = {}): TRenderedEmail {
  const v = eventView(event, recipient);
  const l = v.texts.labels;

  const meta: (string | THtml)[] = [`${l.brand}: `, el.strong(v.brand), ` · ${l.site}: ${v.site}`];
  if (v.author) meta.push(` · ${l.author}: ${v.author}`);
  const body: THtml[] = [el.h1(v.title), el.muted(...meta), el.p(v.lead), el.label(l.mention), el.quote(v.excerpt)];
  if (v.mentionUrl) body.push(el.muted(el.link(v.mentionUrl, l.openMention)));

  const text: string[] = [v.title, "", `${l.brand}: ${v.brand}`, `${l.site}: ${v.site}`];
  if (v.author) text.push(`${l.author}: ${v.author}`);
  text.push("", v.lead, "", `${l.mention}:`, textQuote(v.excerpt));
  if (v.mentionUrl) text.push(`${l.openMention}: ${v.mentionUrl}`);

  if (v.due) {
    body.push(el.label(l.due), el.p(v.due));
    text.push("", `${l.due}: ${v.due}`);
  }
  if (v.reason !== null) {
    body.push(el.label(l.reason), el.quote(v.reason));
    text.push("", `${l.reason}:`, textQuote(v.reason));
  }
  if (v.response !== null) {
    body.push(el.label(l.response), el.quote(v.response));
    text.push("", `${l.response}:`, textQuote(v.response));
  }
  if (v.publishedUrl) {
    body.push(el.p(el.link(v.publishedUrl, l.openPublished)));
    text.push("", `${l.openPublished}: ${v.publishedUrl}`);
  }
  if (actions.approvalUrl && safeHttpUrl(actions.approvalUrl)) {
    body.push(el.button(actions.approvalUrl, l.approveOrReturn), el.muted(l.approveHint));
    text.push("", `${l.approveOrReturn}: ${actions.approvalUrl}`, l.approveHint);
  }
  body.push(el.button(v.caseUrl, l.openCase));
  if (v.caseUrl) text.push("", `${l.openCase}: ${v.caseUrl}`);

  return composeEmail({ locale: recipient.locale, subject: v.subject, body, textBody: text, unsubscribe });
}
