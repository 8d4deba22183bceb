import { z } from "zod";

const CODE = /^[a-z0-9_-]+$/;

export const bankiRuConfigSchema = z.strictObject({
  /** The bank's code in banki.ru addresses: banki.ru/services/responses/bank/<code>/. */
  bank: z.string().trim().max(100).regex(CODE, "bank must be a banki.ru bank code (a–z, 0–9, _ and -), as in banki.ru/services/responses/bank/<code>/"),
  /** Only reviews of one product ("hypothec", "deposits", …). */
  product: z.string().trim().max(100).regex(CODE, "product must be a banki.ru product code (a–z, 0–9, _ and -)").optional(),
  /** Pages read on the first run (newest first). */
  maxPagesFirstRun: z.number().int().min(1).max(50).default(5),
  baseUrl: z
    .url({ protocol: /^https?$/, error: "baseUrl must be an http(s) URL" })
    .default("https://www.banki.ru")
    .transform((url) => url.replace(/\/+$/, "")),
});

export type TBankiRuConfig = z.output<typeof bankiRuConfigSchema>;
