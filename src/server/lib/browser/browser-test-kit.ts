import { existsSync, readFileSync, readdirSync } from "node:fs";
import http from "node:http";
import { defaultChromiumPath } from "./chromium-path.ts";

/** Tests only: the Chromium the browser tests drive, or undefined (they skip, saying why). */
export function chromiumForTests(): string | undefined {
  const path = process.env.CHROMIUM_PATH || defaultChromiumPath();
  if (path && existsSync(path)) return path;
  console.warn(`[browser] SKIPPED: no Chromium at ${path ?? "/usr/bin/chromium"}. Install it with: apt-get install -y chromium`);
  return undefined;
}

export type TTestServer = { origin: string; hits: string[]; readonly connections: number; close(): Promise<void> };

/** A local HTTP server on the given loopback address that records every path asked for and counts connections. */
export async function startTestServer(host: string, handle: (req: http.IncomingMessage, res: http.ServerResponse) => void | Promise<void>): Promise<TTestServer> {
  const hits: string[] = [];
  const server = http.createServer((req, res) => {
    hits.push(req.url ?? "");
    void Promise.resolve(handle(req, res)).catch(() => res.destroy());
  });
  let connections = 0;
  server.on("connection", () => connections++);
  await new Promise<void>((resolve) => server.listen(0, host, () => resolve()));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return {
    origin: `http://${host}:${port}`,
    hits,
    get connections() {
      return connections;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Pids of the browsers this process launched (Playwright talks to them over a pipe). */
export function ownBrowsers(): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      if (ppid !== process.pid) continue;
      if (readFileSync(`/proc/${entry}/cmdline`, "utf8").includes("--remote-debugging-pipe")) pids.push(Number(entry));
    } catch {
      // the process has gone
    }
  }
  return pids;
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
