import { PassThrough, Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { formatResult } from "./classify-cli.ts";
import { classifyStream, readLines } from "./classify-stream.ts";
import { syntheticModel } from "./test-model.ts";

const model = syntheticModel();

async function* chunks(...parts: (string | Buffer)[]): AsyncIterable<string | Buffer> {
  for (const part of parts) yield part;
}

async function collect(lines: AsyncIterable<string>): Promise<string[]> {
  const out: string[] = [];
  for await (const line of lines) out.push(line);
  return out;
}

describe("readLines", () => {
  it("splits on newlines across chunk boundaries, also inside a multi-byte character", async () => {
    const bytes = Buffer.from("привет\nмир\r\n\nпоследняя", "utf8");
    // Cut in the middle of "и" (2 bytes) and of the "\r\n".
    const parts = [bytes.subarray(0, 3), bytes.subarray(3, 15), bytes.subarray(15, 17), bytes.subarray(17)];
    expect(await collect(readLines(chunks(...parts)))).toEqual(["привет", "мир\r", "", "последняя"]);
    expect(await collect(readLines(chunks("a\n")))).toEqual(["a"]);
    expect(await collect(readLines(chunks()))).toEqual([]);
  });
});

describe("classifyStream", () => {
  it("writes one result line per input line, in order", async () => {
    const output = new PassThrough();
    let written = "";
    output.setEncoding("utf8").on("data", (chunk: string) => (written += chunk));
    const code = await classifyStream(chunks("good\n{\"text\": \"bad\"}\n", "{oops\nlast"), output, model);
    expect(code).toBe(0);
    const lines = written.trimEnd().split("\n");
    expect(lines).toHaveLength(4);
    expect(lines[0]).toBe(formatResult(model.classify({ text: "good" })));
    expect(lines[1]).toBe(formatResult(model.classify({ text: "bad" })));
    expect(JSON.parse(lines[2] as string).error).toMatch(/invalid JSON/);
    expect(lines[3]).toBe(formatResult(model.classify({ text: "last" })));
  });

  it("stops quietly at a broken pipe and stops reading", async () => {
    let writes = 0;
    const output = new Writable({
      write(_chunk, _encoding, callback) {
        writes++;
        callback(writes >= 2 ? Object.assign(new Error("write EPIPE"), { code: "EPIPE" }) : null);
      },
    });
    let produced = 0;
    async function* endless(): AsyncIterable<string> {
      for (;;) {
        produced++;
        yield "text\n";
        await new Promise<void>((resolve) => setImmediate(resolve));
      }
    }
    expect(await classifyStream(endless(), output, model)).toBe(0);
    expect(produced).toBeLessThan(10);
  });
});
