import { type IncomingMessage, type ServerResponse, createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { guardedFetch } from "../lib/guarded-fetch.ts";
import { createLogger } from "../lib/logger.ts";
import type { TConnector, TConnectorContext, TConnectorItem } from "./connector.ts";

/**
 * Test support for connectors: a local HTTP server that replays responses in each platform's
 * real shape, and a context whose guarded fetch lets loopback through (and nothing else).
 */
export type TReplayResponse = {
  status?: number;
  headers?: Record<string, string | string[]>;
  /** A string or Buffer is sent as is; anything else as JSON. */
  body?: unknown;
};

export type TReplayRequest = {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingMessage["headers"];
  body: string;
};

export type TReplayHandler = (req: TReplayRequest) => TReplayResponse | Promise<TReplayResponse>;

export type TReplayServer = {
  baseUrl: string;
  /** Every request received, in order. */
  requests: TReplayRequest[];
  close(): Promise<void>;
};

/** Starts a server on 127.0.0.1 with a random port; unhandled requests get a 404 JSON body. */
export async function startReplayServer(handler: TReplayHandler): Promise<TReplayServer> {
  const requests: TReplayRequest[] = [];
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const url = new URL(req.url ?? "/", "http://127.0.0.1");
      const entry: TReplayRequest = {
        method: req.method ?? "GET",
        path: url.pathname,
        query: url.searchParams,
        headers: req.headers,
        body: Buffer.concat(chunks).toString("utf8"),
      };
      requests.push(entry);
      Promise.resolve(handler(entry))
        .then((answer) => send(res, answer))
        .catch((error: unknown) => send(res, { status: 500, body: { error: String(error) } }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function send(res: ServerResponse, answer: TReplayResponse): void {
  const body = answer.body;
  const isRaw = typeof body === "string" || Buffer.isBuffer(body);
  const headers: Record<string, string | string[]> = { ...(answer.headers ?? {}) };
  if (!isRaw && body !== undefined && !hasHeader(headers, "content-type")) headers["content-type"] = "application/json; charset=utf-8";
  res.writeHead(answer.status ?? 200, headers);
  res.end(body === undefined ? undefined : isRaw ? body : JSON.stringify(body));
}

function hasHeader(headers: Record<string, unknown>, name: string): boolean {
  return Object.keys(headers).some((k) => k.toLowerCase() === name);
}

/** A connector context for tests: loopback allowed, a fixed clock, a silent logger. */
export function testConnectorContext(now = new Date("2026-11-20T12:00:00Z")): TConnectorContext {
  return {
    fetch: (url, options) => guardedFetch(url, { ...options, allowLoopback: true }),
    now,
    signal: new AbortController().signal,
    logger: createLogger("silent"),
  };
}

/**
 * Runs a connector until it has no more pages (or `maxPages`), the way the pipeline does,
 * returning every item and the cursors it produced.
 */
export async function drainConnector<C>(
  connector: TConnector<C>,
  config: C,
  cursor: string | null = null,
  options: { ctx?: TConnectorContext; maxPages?: number } = {},
): Promise<{ items: TConnectorItem[]; cursors: (string | null)[]; finalCursor: string | null }> {
  const ctx = options.ctx ?? testConnectorContext();
  const items: TConnectorItem[] = [];
  const cursors: (string | null)[] = [];
  let current = cursor;
  for (let page = 0; page < (options.maxPages ?? 100); page++) {
    const result = await connector.fetch(ctx, connector.configSchema.parse(config), current);
    items.push(...result.items);
    cursors.push(result.nextCursor);
    current = result.nextCursor;
    if (!result.hasMore) break;
  }
  return { items, cursors, finalCursor: current };
}

/**
 * Every JSON path of a value with the types seen there (`a.b[].c` → {"number"}), to hold our
 * invented fixtures to the shape of real recordings.
 */
export function jsonShape(value: unknown, path = "", out = new Map<string, Set<string>>()): Map<string, Set<string>> {
  const type = value === null ? "null" : Array.isArray(value) ? "array" : typeof value;
  if (path) out.set(path, (out.get(path) ?? new Set()).add(type));
  if (Array.isArray(value)) for (const v of value) jsonShape(v, `${path}[]`, out);
  else if (typeof value === "object" && value !== null) for (const [k, v] of Object.entries(value)) jsonShape(v, path ? `${path}.${k}` : k, out);
  return out;
}

/** Paths present in both whose types never agree (null aside): what our fixture gets wrong. */
export function shapeConflicts(ours: unknown, real: unknown): string[] {
  const a = jsonShape(ours);
  const b = jsonShape(real);
  const conflicts: string[] = [];
  for (const [path, types] of a) {
    const theirs = b.get(path);
    if (!theirs) continue;
    const mine = [...types].filter((t) => t !== "null");
    const known = [...theirs].filter((t) => t !== "null");
    if (mine.length > 0 && known.length > 0 && !mine.some((t) => known.includes(t))) conflicts.push(`${path}: ours ${mine.join("|")}, real ${known.join("|")}`);
  }
  return conflicts;
}
