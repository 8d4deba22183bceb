/**
 * Credentials in a source's config (the connector's `secretFields`) never leave the server: a
 * response shows a fixed mask where a secret is set, and a change that sends the mask back —
 * or leaves the field out — keeps the stored secret.
 */
export const SECRET_MASK = "••••••••";

type TConfig = Record<string, unknown>;

const isSet = (value: unknown): boolean => value !== undefined && value !== null && value !== "";

/** The config as a response shows it: secrets that are set become the mask, unset ones are absent. */
export function maskSecrets(config: TConfig, secretFields: readonly string[]): TConfig {
  const out: TConfig = { ...config };
  for (const field of secretFields) {
    if (isSet(out[field])) out[field] = SECRET_MASK;
    else delete out[field];
  }
  return out;
}

/**
 * The config to validate and store after a change: `next` as sent, with each secret that is the
 * mask or absent taken from `stored`. An explicit `null` removes a secret.
 */
export function mergeSecrets(next: TConfig, stored: TConfig, secretFields: readonly string[]): TConfig {
  const out: TConfig = { ...next };
  for (const field of secretFields) {
    const sent = out[field];
    if (sent === null) delete out[field];
    else if (sent === undefined || sent === SECRET_MASK) {
      if (isSet(stored[field])) out[field] = stored[field];
      else delete out[field];
    }
  }
  return out;
}

/** Names of the secrets a create call sent as the mask: a mask is not a credential. */
export function maskedSecretsSent(config: TConfig, secretFields: readonly string[]): string[] {
  return secretFields.filter((field) => config[field] === SECRET_MASK);
}

/** Config keys whose value differs, secrets included by name only. */
export function changedConfigKeys(before: TConfig, after: TConfig): string[] {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...keys].filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k])).sort();
}
