import type { Hook } from "@hono/zod-openapi";
import type { z } from "zod";
import { AppError, type TFieldError } from "../lib/errors.ts";
import type { THonoEnv } from "./env.ts";

/** Turns zod issues into field errors: the path, or each unknown key by name. */
export function fieldErrors(issues: readonly z.core.$ZodIssue[]): TFieldError[] {
  const fields: TFieldError[] = [];
  for (const issue of issues) {
    const base = issue.path.map(String).join(".");
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) fields.push({ path: base ? `${base}.${key}` : key, message: "unknown field" });
    } else {
      fields.push({ path: base || "(body)", message: issue.message });
    }
  }
  return fields;
}

export const validationHook: Hook<unknown, THonoEnv, string, unknown> = (result) => {
  if (result.success) return;
  const fields = fieldErrors(result.error.issues);
  const summary = fields.map((f) => `${f.path}: ${f.message}`).join("; ");
  throw new AppError("validation_failed", `Invalid ${result.target}: ${summary}`, { fields });
};
