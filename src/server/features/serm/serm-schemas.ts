import { z } from "@hono/zod-openapi";
import { SERM_DEVICES, SERM_ENGINES } from "../../db/schema/serm.ts";

/** Schemas shared by the SERM routes (issue 6); the views are described in docs/API.md. */
export const ZEngine = z.enum(SERM_ENGINES);
export const ZDevice = z.enum(SERM_DEVICES);
export const ZDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "a day as YYYY-MM-DD");
export const ZDepth = z.union([z.literal(10), z.literal(20)]);

export const ZColour = z
  .object({ band: z.string(), colour: z.string(), glyph: z.string() })
  .openapi("SermColour", { description: "SERM.md §8: band critical|negative|neutral|positive|strong|own|unlabeled, hex colour, +/−/0 glyph" });

export const ZRegion = z
  .object({ yandex: z.string(), country: z.string(), lang: z.string(), location: z.string().nullable() })
  .openapi("SermRegion", { description: "Yandex region id (lr), ISO country for the other engines, language, provider place name" });

export const ZSermQuery = z
  .object({
    id: z.string(),
    brandId: z.string(),
    text: z.string(),
    frequency: z.number().nullable(),
    engines: z.array(ZEngine),
    region: ZRegion,
    device: ZDevice,
    depth: ZDepth,
    enabled: z.boolean(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi("SermQuery");

export const ZScanSummary = z
  .object({
    id: z.string(),
    day: z.string(),
    trigger: z.string(),
    status: z.string(),
    createdAt: z.string(),
    startedAt: z.string().nullable(),
    finishedAt: z.string().nullable(),
    attempts: z.number(),
    error: z.string().nullable(),
    stats: z.record(z.string(), z.unknown()).nullable(),
  })
  .openapi("SermScanSummary");

/** A nested report, described in docs/API.md rather than field by field here. */
export const ZReport = (name: string, description: string) => z.record(z.string(), z.unknown()).openapi(name, { description });
