/**
 * `repute sentiment classify` as a real child process on the pinned Node 24: stdin lines in,
 * one JSONL line out per input, in order; answers come while stdin is still open (streaming),
 * and a reader that goes away early is not an error.
 */
import { type ChildProcessWithoutNullStreams, spawn } from "node:child_process";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { ROOT, childEnv, safeKill, tempDataDir, removeTempDir } from "../../test/process-kit.ts";

const NODE = path.join(ROOT, "node_modules/.bin/node");
const MAIN = path.join(ROOT, "src/server/main.ts");

type TChild = { child: ChildProcessWithoutNullStreams; lines: string[]; stderr(): string; exited: Promise<number | null>; nextLine(): Promise<string> };

const started: TChild[] = [];
const dirs: string[] = [];

afterEach(() => {
  for (const { child } of started.splice(0)) if (child.exitCode === null && child.pid) safeKill(child.pid, "SIGKILL");
  for (const dir of dirs.splice(0)) removeTempDir(dir);
});

function classifyProcess(): TChild {
  const dataDir = tempDataDir();
  dirs.push(dataDir);
  const child = spawn(NODE, ["--import", "tsx", MAIN, "sentiment", "classify"], { cwd: ROOT, env: childEnv({ DATA_DIR: dataDir }) });
  const lines: string[] = [];
  const waiting: (() => void)[] = [];
  let partial = "";
  let err = "";
  child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
    const parts = (partial + chunk).split("\n");
    partial = parts.pop() ?? "";
    lines.push(...parts);
    for (const wake of waiting.splice(0)) wake();
  });
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => (err += chunk));
  const exited = new Promise<number | null>((resolve) => child.on("close", (code) => resolve(code)));
  let read = 0;
  const nextLine = async (): Promise<string> => {
    while (lines.length <= read) {
      if (child.exitCode !== null) throw new Error(`exited before line ${read + 1}: ${err}`);
      await new Promise<void>((resolve) => waiting.push(resolve));
    }
    return lines[read++] as string;
  };
  const proc = { child, lines, stderr: () => err, exited, nextLine };
  started.push(proc);
  return proc;
}

describe("repute sentiment classify", () => {
  it("answers plain, JSONL-with-rating and bad JSON lines in order, one line each, while stdin stays open", async () => {
    const proc = classifyProcess();
    proc.child.stdin.write("Отличный банк, всё быстро и удобно, спасибо!\n");
    // The first answer arrives before stdin is closed: the command streams.
    const first = JSON.parse(await proc.nextLine()) as { label: string; confidence: number; scores: Record<string, number> };
    expect(Object.keys(first)).toEqual(["label", "confidence", "scores"]);
    expect(first.label).toBe("positive");
    proc.child.stdin.end('{"text": "Nothing special about it", "rating": 1}\n{"text": "unterminated\n');
    const second = JSON.parse(await proc.nextLine()) as { label: string; scores: Record<string, number> };
    expect(second.label).toBe("negative");
    expect((second.scores.negative ?? 0) + (second.scores.neutral ?? 0) + (second.scores.positive ?? 0)).toBeCloseTo(1, 3);
    const third = JSON.parse(await proc.nextLine()) as { error?: string };
    expect(third.error).toMatch(/^invalid JSON/);
    expect(await proc.exited, proc.stderr()).toBe(0);
    expect(proc.lines).toHaveLength(3);
    expect(proc.stderr()).toBe("");
  }, 60_000);

  it("ends quietly with 0 when the reader goes away (EPIPE)", async () => {
    const proc = classifyProcess();
    proc.child.stdin.on("error", () => undefined); // the child may be gone before all input is written
    proc.child.stdin.write("first\n");
    await proc.nextLine();
    proc.child.stdout.destroy();
    proc.child.stdin.end("more text\n".repeat(50_000));
    expect(await proc.exited, proc.stderr()).toBe(0);
    expect(proc.stderr()).not.toMatch(/EPIPE|Error/);
  }, 60_000);
});
