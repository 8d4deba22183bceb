import { z } from "@hono/zod-openapi";

/** A filter that takes several values: repeated (`?status=new&status=returned`) or comma-separated. */
export const multiValue = <T extends z.ZodType<string>>(item: T) =>
  z.preprocess(
    (v) => (v === undefined ? undefined : (Array.isArray(v) ? v : [v]).flatMap((s) => String(s).split(",")).map((s) => s.trim()).filter(Boolean)),
    z.array(item).max(50).optional(),
  );

export const CONNECTORS_SOURCE_KIND_MAX = 50;
