import { htmlToText } from "../../features/ingest/html-to-text.ts";
import { ConnectorError, type TConnectorItem } from "../connector.ts";
import type { TBankiRuConfig } from "./banki-ru.config.ts";
import type { TBankiReview } from "./banki-ru.response.ts";
import { moscowToUtc } from "./moscow-time.ts";

export const BANKI_RU = "https://www.banki.ru";

/**
 * A review from banki.ru's "Народный рейтинг". banki.ru shows no author in the list (reviews
 * are anonymized), so the author is empty. The bank answers on the site itself, through its
 * representative account: replies are a manual link.
 */
export function bankiRuItem(review: TBankiReview, config: TBankiRuConfig): TConnectorItem {
  const publishedAt = moscowToUtc(review.dateCreate);
  if (publishedAt === undefined) {
    throw new ConnectorError("markup_changed", `banki.ru's review list changed its shape: review ${review.id} has dateCreate "${review.dateCreate.slice(0, 40)}"`);
  }
  const company = review.company;
  const code = company?.code ?? config.bank;
  const grade = review.grade;
  const answer = review.agentAnswerText ? htmlToText(review.agentAnswerText) : "";
  return {
    kind: "review",
    externalId: String(review.id),
    url: `${BANKI_RU}/services/responses/bank/response/${review.id}/`,
    target: { kind: "bank", externalId: code, name: company?.name, url: `${BANKI_RU}/services/responses/bank/${code}/` },
    author: {},
    title: review.title?.trim() || undefined,
    text: htmlToText(review.text ?? ""),
    rating: typeof grade === "number" && grade >= 1 && grade <= 5 ? { value: grade, scale: 5 } : undefined,
    publishedAt,
    metrics: typeof review.commentCount === "number" ? { replies: review.commentCount } : undefined,
    ownerReply: answer ? { text: answer } : undefined,
    replyCapability: "manual_link",
    // The company block repeats the bank's logo, phones and address on every review.
    raw: { ...review, company: company ? { id: company.id, code: company.code, name: company.name } : company },
  };
}
