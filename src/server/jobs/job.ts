import type { z } from "zod";
import type { TAppContext } from "../context.ts";
import type { TLogger } from "../lib/logger.ts";

export type TJobContext = { app: TAppContext; logger: TLogger; jobId: string; attempt: number };

export type TJobDefinition<S extends z.ZodType = z.ZodType> = {
  name: string;
  schema: S;
  handler: (data: z.infer<S>, ctx: TJobContext) => Promise<void>;
  /** Five-field cron, UTC. One job per slot across all workers (pg-boss elects). */
  cron?: string;
  retry: { limit: number; delaySeconds: number; backoff: boolean };
  /** How long one run may take before pg-boss expires and retries it. */
  expireInSeconds?: number;
  /**
   * pg-boss queue policy. "stately": per singletonKey at most one job waiting and one running —
   * what a per-source sync needs, so a slow source is never run twice at once.
   */
  policy?: "standard" | "stately";
};

/** Keeps the schema's type attached to the handler while the registry holds mixed jobs. */
export function defineJob<S extends z.ZodType>(definition: TJobDefinition<S>): TJobDefinition {
  return definition as unknown as TJobDefinition;
}

export const deadLetterQueue = (name: string): string => `${name}.dead`;
