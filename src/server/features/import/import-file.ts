import { createReadStream } from "node:fs";
import { open, readFile, stat } from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";

/**
 * The file being imported, wherever it lives: a path given to the shell command, or the bytes
 * of an upload. Parsers only stream it (`open`) or, for XLSX, read it whole.
 */
export type TImportFile = {
  name: string;
  size: number;
  open(): Readable;
  readAll(): Promise<Buffer>;
  /** The first bytes: format, encoding and delimiter are told from them. */
  head(bytes: number): Promise<Buffer>;
};

/** What a person must fix about the file itself (format, encoding, no rows): shown as is. */
export class ImportFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ImportFileError";
  }
}

export async function fileFromPath(file: string): Promise<TImportFile> {
  let info: Awaited<ReturnType<typeof stat>>;
  try {
    info = await stat(file);
  } catch {
    throw new ImportFileError(`cannot read ${file}: no such file`);
  }
  if (!info.isFile()) throw new ImportFileError(`${file} is not a file`);
  return {
    name: path.basename(file),
    size: info.size,
    // Small chunks: byte progress moves smoothly, and little is read ahead of the parser.
    open: () => createReadStream(file, { highWaterMark: 16 * 1024 }),
    readAll: () => readFile(file),
    async head(bytes) {
      const handle = await open(file, "r");
      try {
        const buffer = Buffer.alloc(Math.min(bytes, info.size));
        const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
        return buffer.subarray(0, bytesRead);
      } finally {
        await handle.close();
      }
    },
  };
}

export function fileFromBuffer(name: string, buffer: Buffer): TImportFile {
  return {
    name,
    size: buffer.length,
    // Chunked like a file stream, so byte progress moves and parsers see realistic boundaries.
    open: () => Readable.from(chunks(buffer, 16 * 1024)),
    readAll: async () => buffer,
    head: async (bytes) => buffer.subarray(0, bytes),
  };
}

function* chunks(buffer: Buffer, size: number): Generator<Buffer> {
  for (let i = 0; i < buffer.length; i += size) yield buffer.subarray(i, i + size);
}
