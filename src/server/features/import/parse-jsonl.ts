import { Transform } from "node:stream";
import { createInterface } from "node:readline";
import type { TImportFile } from "./import-file.ts";
import type { TPosition } from "./table.ts";

/** JSON Lines: one Mention record per line; blank lines skipped; `line` is 1-based. */
export type TJsonLine = { line: number; text: string };

export type TJsonLines = { lines: AsyncIterable<TJsonLine>; position(): TPosition };

export function openJsonl(file: TImportFile): TJsonLines {
  let bytes = 0;
  const source = file.open();
  const counted = source.pipe(
    new Transform({
      transform(chunk: Buffer, _encoding, callback) {
        bytes += chunk.length;
        callback(null, chunk);
      },
    }),
  );
  source.on("error", (error) => counted.destroy(error));
  async function* lines(): AsyncGenerator<TJsonLine> {
    const reader = createInterface({ input: counted, crlfDelay: Number.POSITIVE_INFINITY });
    let line = 0;
    try {
      for await (const raw of reader) {
        line++;
        const text = (line === 1 ? raw.replace(/^\uFEFF/, "") : raw).trim();
        if (text) yield { line, text };
      }
    } finally {
      reader.close();
      source.destroy();
    }
  }
  return { lines: lines(), position: () => ({ unit: "bytes", done: bytes, total: file.size }) };
}
