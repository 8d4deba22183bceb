import http from "node:http";
import net from "node:net";
import type { Duplex } from "node:stream";
import { FetchRefusedError, type TResolvedAddress, vetHost } from "../guarded-fetch.ts";

/**
 * The browser's only way out: Chromium is launched with this as its proxy (loopback included,
 * `<-loopback>`), so every connection it makes — navigations, each redirect hop (which
 * page.route never sees), sub-resources, WebSockets, preconnects — arrives here as a host name.
 * The host is vetted with guardedFetch's rules and the connection goes to exactly the vetted
 * address, so DNS answers that change between check and connect cannot slip through either.
 */
export type TSsrfProxy = { url: string; close(): Promise<void> };

export type TSsrfProxyOptions = {
  allowLoopback?: boolean | readonly string[];
  /** Called for every refused host, with the reason. */
  onRefused?: (error: FetchRefusedError) => void;
};

/** A response header naming why a request was refused. */
export const REFUSED_HEADER = "x-repute-refused";
/** On the proxy's own 502 when the vetted address did not answer a plain-http request. */
export const UNREACHABLE_HEADER = "x-repute-unreachable";

const IDLE_MS = 60_000;
const VET_TIMEOUT_MS = 10_000;

export async function startSsrfProxy(options: TSsrfProxyOptions = {}): Promise<TSsrfProxy> {
  const sockets = new Set<Duplex>();
  const server = http.createServer((req, res) => void forwardHttp(req, res, options));
  server.on("connect", (req: http.IncomingMessage, client: Duplex, head: Buffer) => void tunnel(req, client, head, options, sockets));
  server.on("connection", (socket: net.Socket) => {
    sockets.add(socket);
    socket.once("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

async function vet(host: string, options: TSsrfProxyOptions): Promise<readonly TResolvedAddress[]> {
  try {
    return await vetHost(host, { allowLoopback: options.allowLoopback }, AbortSignal.timeout(VET_TIMEOUT_MS));
  } catch (error) {
    const refused = error instanceof FetchRefusedError ? error : new FetchRefusedError("network", host, "could not resolve the name", { cause: error });
    options.onRefused?.(refused);
    throw refused;
  }
}

/** HTTPS and WebSockets: CONNECT host:port, answered with a pipe to the vetted address. */
async function tunnel(req: http.IncomingMessage, client: Duplex, head: Buffer, options: TSsrfProxyOptions, sockets: Set<Duplex>): Promise<void> {
  client.on("error", () => undefined);
  const target = parseAuthority(req.url ?? "");
  if (!target) return void client.end("HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n");
  let addresses: readonly TResolvedAddress[];
  try {
    addresses = await vet(target.host, options);
  } catch (error) {
    return void client.end(`HTTP/1.1 403 Forbidden\r\n${REFUSED_HEADER}: ${headerSafe(error)}\r\nConnection: close\r\n\r\n`);
  }
  const upstream = await connectFirst(addresses, target.port);
  if (!upstream) return void client.end("HTTP/1.1 502 Bad Gateway\r\nConnection: close\r\n\r\n");
  sockets.add(upstream);
  upstream.once("close", () => sockets.delete(upstream));
  upstream.setTimeout(IDLE_MS, () => upstream.destroy());
  if (client instanceof net.Socket) client.setTimeout(IDLE_MS, () => client.destroy());
  for (const socket of [client, upstream]) {
    socket.once("close", () => {
      client.destroy();
      upstream.destroy();
    });
  }
  upstream.on("error", () => client.destroy());
  client.write("HTTP/1.1 200 Connection Established\r\n\r\n");
  if (head.length > 0) upstream.write(head);
  client.pipe(upstream).pipe(client);
}

/** Plain http: the absolute URL of the request line, forwarded to the vetted address. */
async function forwardHttp(req: http.IncomingMessage, res: http.ServerResponse, options: TSsrfProxyOptions): Promise<void> {
  res.on("error", () => undefined);
  let url: URL;
  try {
    url = new URL(req.url ?? "");
    if (url.protocol !== "http:") throw new Error("not http");
  } catch {
    return void res.writeHead(400, { connection: "close" }).end("Only absolute http URLs are proxied");
  }
  const host = url.hostname.replace(/^\[(.*)\]$/, "$1");
  let addresses: readonly TResolvedAddress[];
  try {
    addresses = await vet(host, options);
  } catch (error) {
    return void res.writeHead(403, { "content-type": "text/plain", [REFUSED_HEADER]: headerSafe(error) }).end(String(headerSafe(error)));
  }
  const headers = { ...req.headers };
  for (const name of Object.keys(headers)) if (/^proxy-/i.test(name)) delete headers[name];
  const pinned = addresses[0];
  if (!pinned) return void res.writeHead(502).end();
  const upstream = http.request({
    host: pinned.address,
    family: pinned.family,
    port: Number(url.port) || 80,
    method: req.method,
    path: `${url.pathname}${url.search}`,
    headers,
    setHost: false,
    agent: false,
    timeout: IDLE_MS,
  });
  upstream.on("response", (answer) => {
    res.writeHead(answer.statusCode ?? 502, answer.rawHeaders);
    answer.pipe(res);
  });
  upstream.on("timeout", () => upstream.destroy(new Error("timeout")));
  upstream.on("error", (error) => {
    if (!res.headersSent) res.writeHead(502, { connection: "close", [UNREACHABLE_HEADER]: headerSafe(error) }).end();
    else res.destroy();
  });
  req.pipe(upstream);
}

function parseAuthority(authority: string): { host: string; port: number } | undefined {
  const match = /^(\[[^\]]+\]|[^:]+):(\d{1,5})$/.exec(authority);
  if (!match?.[1] || !match[2]) return undefined;
  const port = Number(match[2]);
  if (port < 1 || port > 65535) return undefined;
  return { host: match[1].replace(/^\[(.*)\]$/, "$1").toLowerCase(), port };
}

/** Tries each vetted address in turn, as a browser would; undefined when none answers. */
async function connectFirst(addresses: readonly TResolvedAddress[], port: number): Promise<net.Socket | undefined> {
  for (const { address, family } of addresses) {
    const socket = await new Promise<net.Socket | undefined>((resolve) => {
      const s = net.connect({ host: address, port, family, timeout: VET_TIMEOUT_MS });
      s.once("connect", () => {
        s.setTimeout(0);
        resolve(s);
      });
      s.once("timeout", () => {
        s.destroy();
        resolve(undefined);
      });
      s.once("error", () => resolve(undefined));
    });
    if (socket) return socket;
  }
  return undefined;
}

const headerSafe = (error: unknown): string => (error instanceof Error ? error.message : String(error)).replace(/[^\x20-\x7e]/g, "?");
