import { parseArgs } from "node:util";

export class UsageError extends Error {}

type TOptionSpec = Record<string, { type: "string" | "boolean"; short?: string }>;

/** Parses `--name value` flags strictly: unknown flags are a usage error naming the flag. */
export function parseFlags<T extends TOptionSpec>(argv: string[], options: T) {
  try {
    return parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

export function requireFlag(values: Record<string, string | boolean | undefined>, name: string): string {
  const value = values[name];
  if (typeof value !== "string" || value === "") throw new UsageError(`--${name} is required`);
  return value;
}
