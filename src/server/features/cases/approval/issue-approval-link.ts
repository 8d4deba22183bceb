import type { TExecutor } from "../../../context.ts";
import { hashSecret, newSecret } from "../../../lib/tokens.ts";
import { insertApprovalLink } from "./queries.ts";

/**
 * A link that lets one approver approve or return one response version of one case without
 * signing in: 256 random bits, stored only as their SHA-256, good once and for
 * APPROVAL_LINK_TTL_HOURS. Anyone holding it acts as that approver, so it goes to their
 * mailbox only, and the approver's current role is checked again when it is used.
 */
export const APPROVAL_LINK_TTL_HOURS = 72;
export const APPROVAL_TOKEN_PREFIX = "apv_";

export async function issueApprovalLink(
  tx: TExecutor,
  input: { caseId: string; brandId: string; responseId: string; approverId: string; now: Date },
): Promise<{ token: string; expiresAt: Date }> {
  const token = newSecret(APPROVAL_TOKEN_PREFIX);
  const expiresAt = new Date(input.now.getTime() + APPROVAL_LINK_TTL_HOURS * 3_600_000);
  await insertApprovalLink(tx, {
    caseId: input.caseId,
    brandId: input.brandId,
    responseId: input.responseId,
    approverId: input.approverId,
    tokenHash: hashSecret(token),
    createdAt: input.now,
    expiresAt,
  });
  return { token, expiresAt };
}

/** Tokens have one shape; anything else is not looked up. */
export const looksLikeApprovalToken = (token: string): boolean => /^apv_[A-Za-z0-9_-]{43}$/.test(token);
