/**
 * What went wrong talking to a chat-completions endpoint, in kinds a caller can act on:
 * `rate_limited` and `upstream` pass, `auth` and `quota` need a person, `context_length` needs
 * a shorter prompt, `json_mode_unsupported` needs the request without `response_format`.
 */
export type TLlmErrorKind =
  | "auth"
  | "rate_limited"
  | "quota"
  | "context_length"
  | "json_mode_unsupported"
  | "bad_request"
  | "upstream"
  | "timeout"
  | "network"
  | "blocked"
  | "malformed"
  | "empty";

export class LlmProviderError extends Error {
  constructor(
    readonly kind: TLlmErrorKind,
    message: string,
    readonly details: {
      status?: number;
      /** The provider's `error.code` ("invalid_api_key", "context_length_exceeded", or vLLM's numeric 400). */
      code?: string | number | null;
      /** Seconds the provider asked us to wait (Retry-After). */
      retryAfterSeconds?: number;
    } = {},
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.name = "LlmProviderError";
  }
}

/** Long provider messages are cut, and the key is never repeated (a proxy may echo it). */
export function safeMessage(message: string, secret: string, max = 300): string {
  let out = secret.length >= 4 ? message.split(secret).join("[redacted]") : message;
  out = out.replace(/\s+/g, " ").trim();
  return out.length > max ? `${out.slice(0, max - 1)}…` : out;
}

/** Any thrown value as a short, key-free line. */
export function errorText(error: unknown, secret: string): string {
  return safeMessage(error instanceof Error ? error.message : String(error), secret);
}
