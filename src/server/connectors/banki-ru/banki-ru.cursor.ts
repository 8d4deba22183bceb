import { z } from "zod";

/** The highest review id returned so far; banki.ru lists newest first and ids only grow. */
const cursorSchema = z.object({ maxId: z.number().int().positive() });
export type TBankiRuCursor = z.infer<typeof cursorSchema>;

/** Null (a first run) for no cursor or one it cannot read. */
export function readBankiRuCursor(raw: string | null): TBankiRuCursor | null {
  if (raw === null) return null;
  try {
    return cursorSchema.parse(JSON.parse(raw));
  } catch {
    return null;
  }
}

export function writeBankiRuCursor(cursor: TBankiRuCursor): string {
  return JSON.stringify(cursor);
}
