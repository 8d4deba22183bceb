import type { z } from "zod";
import { parseRetryAfter } from "../../lib/backoff.ts";
import type { TGuardedResponse } from "../../lib/guarded-fetch.ts";
import { ConnectorError, type TConnectorContext } from "../connector.ts";
import type { TVkApiConfig } from "./vk.config.ts";
import { type TVkError, vkErrorSchema } from "./vk.types.ts";

/**
 * One VK API method call: `GET {baseUrl}/method/<name>?…&v=&access_token=`. VK reports errors
 * with HTTP 200 and an `error` object, which becomes a ConnectorError of the right kind. The
 * request URL carries the token, so it never goes into a message or a log line.
 */
export type TVkParams = Readonly<Record<string, string | number | undefined>>;

export async function callVk<S extends z.ZodType>(
  ctx: TConnectorContext,
  api: TVkApiConfig,
  method: string,
  params: TVkParams,
  schema: S,
): Promise<z.output<S>> {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined) query.set(key, String(value));
  query.set("v", api.apiVersion);
  query.set("access_token", api.accessToken);
  const url = `${api.baseUrl.replace(/\/+$/, "")}/method/${method}?${query.toString()}`;

  let res: TGuardedResponse;
  try {
    res = await ctx.fetch(url, { signal: ctx.signal, headers: { accept: "application/json" } });
  } catch (error) {
    throw scrubbedError(error, api.accessToken);
  }
  ctx.logger.debug({ connector: "vk", method, status: res.status }, "vk api call");
  return readVkResponse(res, method, schema, api.accessToken, ctx.now);
}

/** The `response` of a VK answer, checked against `schema`; errors as ConnectorError. */
export function readVkResponse<S extends z.ZodType>(
  res: Pick<TGuardedResponse, "status" | "headers" | "json">,
  method: string,
  schema: S,
  accessToken: string,
  now: Date,
): z.output<S> {
  if (res.status === 429) {
    throw new ConnectorError("rate_limited", `VK ${method}: too many requests (HTTP 429)`, parseRetryAfter(res.headers.get("retry-after"), now));
  }
  if (res.status === 401 || res.status === 403) throw new ConnectorError("auth", `VK ${method}: access refused (HTTP ${res.status})`);
  if (res.status !== 200) throw new ConnectorError("upstream", `VK ${method}: HTTP ${res.status}`);
  let body: unknown;
  try {
    body = res.json();
  } catch {
    throw new ConnectorError("markup_changed", `VK ${method}: the answer is not JSON`);
  }
  return unwrapVkEnvelope(body, method, schema, accessToken);
}

/** `{response}` → the checked response; `{error}` → the matching ConnectorError. */
export function unwrapVkEnvelope<S extends z.ZodType>(body: unknown, method: string, schema: S, accessToken?: string): z.output<S> {
  if (!isRecord(body)) throw new ConnectorError("markup_changed", `VK ${method}: the answer is not a JSON object`);
  if ("error" in body) {
    const error = vkErrorSchema.safeParse(body.error);
    if (!error.success) throw new ConnectorError("upstream", `VK ${method}: an error without a code`);
    throw vkErrorToConnectorError(error.data, method, accessToken);
  }
  if (!("response" in body)) throw new ConnectorError("markup_changed", `VK ${method}: the answer has neither "response" nor "error"`);
  const parsed = schema.safeParse(body.response);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue ? `${issue.path.join(".") || "(root)"}: ${issue.message}` : "unknown";
    throw new ConnectorError("markup_changed", `VK ${method}: unexpected answer shape (${where})`);
  }
  return parsed.data;
}

/** VK error codes (dev.vk.com/reference/errors) → what a person or the scheduler should do. */
const AUTH_CODES = new Set([
  5, // user authorization failed: invalid, expired or revoked token
  7, // no permission for this action
  15, // access denied (wall closed, no rights on the community)
  17, // validation required
  27, // community token not accepted by this method
  28, // application authorization failed
  30, // this profile/community is private
  203, // access to the community denied
]);
const NOT_FOUND_CODES = new Set([
  18, // page deleted or blocked
  113, // invalid user id
  125, // invalid group id
]);
/** Waits for the limits VK does not time itself: per second, flood control, the daily quota. */
const RATE_LIMIT_SECONDS: ReadonlyMap<number, number | undefined> = new Map([
  [6, 1], // too many requests per second
  [9, 60], // flood control: the same action too often
  [14, undefined], // captcha needed: VK suspects a bot; it passes after a pause
  [29, 3600], // rate limit reached: the method's daily quota for this token
]);

export function vkErrorToConnectorError(error: TVkError, method: string, accessToken?: string): ConnectorError {
  const code = error.error_code;
  const message = `VK ${method}: ${scrub(error.error_msg, accessToken) || "error"} (code ${code})`;
  if (AUTH_CODES.has(code)) return new ConnectorError("auth", message);
  if (NOT_FOUND_CODES.has(code)) return new ConnectorError("not_found", message);
  if (RATE_LIMIT_SECONDS.has(code)) return new ConnectorError("rate_limited", message, RATE_LIMIT_SECONDS.get(code));
  return new ConnectorError("upstream", message);
}

/** Belt and braces: a token never reaches a message, whatever VK or the network echoes. */
export function scrub(text: string, secret: string | undefined): string {
  return secret && secret.length >= 4 ? text.split(secret).join("[redacted]") : text;
}

function scrubbedError(error: unknown, accessToken: string): unknown {
  if (!(error instanceof Error) || accessToken.length < 4 || !error.message.includes(accessToken)) return error;
  return new ConnectorError("upstream", scrub(error.message, accessToken));
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
