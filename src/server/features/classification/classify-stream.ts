/**
 * The streaming side of `repute sentiment classify`: lines from a byte stream (stdin), one JSONL
 * answer per line (`classify-cli.ts`) to a writable (stdout), as they come — nothing is
 * buffered beyond the chunk being read, and a slow reader slows the reading (backpressure).
 * A reader that goes away (`… | head -1`, EPIPE) ends the run quietly with exit code 0.
 */
import { once } from "node:events";
import type { Writable } from "node:stream";
import { StringDecoder } from "node:string_decoder";
import { classifyLines } from "./classify-cli.ts";
import type { TSentimentModel } from "./sentiment-model.ts";

/** Splits a stream of UTF-8 chunks on "\n" (a last line without one is still a line). */
export async function* readLines(input: AsyncIterable<string | Buffer>): AsyncIterable<string> {
  const decoder = new StringDecoder("utf8");
  let rest = "";
  for await (const chunk of input) {
    rest += typeof chunk === "string" ? chunk : decoder.write(chunk);
    let start = 0;
    for (let nl = rest.indexOf("\n"); nl >= 0; nl = rest.indexOf("\n", start)) {
      yield rest.slice(start, nl);
      start = nl + 1;
    }
    rest = rest.slice(start);
  }
  rest += decoder.end();
  if (rest !== "") yield rest;
}

const isBrokenPipe = (error: unknown) =>
  typeof error === "object" && error !== null && ((error as NodeJS.ErrnoException).code === "EPIPE" || (error as NodeJS.ErrnoException).code === "ERR_STREAM_DESTROYED");

/** Classifies every line of `input` onto `output`; resolves to the exit code. */
export async function classifyStream(input: AsyncIterable<string | Buffer>, output: Writable, model: TSentimentModel): Promise<number> {
  let failure: unknown = null;
  let closed = false;
  const onError = (error: unknown) => {
    closed = true;
    if (!isBrokenPipe(error)) failure = error;
  };
  output.on("error", onError);
  try {
    for await (const line of classifyLines(readLines(input), model)) {
      if (closed || output.destroyed) break;
      if (!output.write(`${line}\n`)) {
        // Wait for the reader, or for it to go away.
        await Promise.race([once(output, "drain"), once(output, "close")]).catch(() => undefined);
      }
    }
  } finally {
    output.off("error", onError);
    // A late EPIPE (after the last write) must not become an unhandled 'error'.
    output.on("error", () => undefined);
  }
  if (failure) throw failure;
  return 0;
}
