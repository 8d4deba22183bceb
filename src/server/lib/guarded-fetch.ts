import type { LookupAddress, LookupOptions } from "node:dns";
import { lookup as systemLookup } from "node:dns/promises";
import { readFileSync } from "node:fs";
import type { Readable } from "node:stream";
import { promisify } from "node:util";
import zlib from "node:zlib";
import { Agent, request } from "undici";
import { decodeText } from "./charset.ts";
import { type TAddressClass, classifyAddress, isPlainLoopback } from "./ip-ranges.ts";

/**
 * The one way the product talks to the outside world. Users type URLs (feeds, review pages,
 * webhooks) into a server that sits inside their network, so every hop is vetted: only
 * http(s), only public addresses — all of them, since a name may resolve to a public and a
 * private address at once — and the connection goes to exactly the address that was vetted,
 * so a DNS answer that changes between check and connect (rebinding) cannot slip through.
 */
export type TFetchRefusedCode = "blocked_address" | "bad_scheme" | "too_many_redirects" | "too_large" | "timeout" | "network";

export class FetchRefusedError extends Error {
  constructor(
    readonly code: TFetchRefusedCode,
    /** Host name only: never the URL, which may carry credentials or tokens. */
    readonly host: string,
    reason: string,
    options?: ErrorOptions,
  ) {
    const refused = code !== "timeout" && code !== "network";
    super(`Fetch from ${host} ${refused ? "refused" : "failed"}: ${reason}`, options);
    this.name = "FetchRefusedError";
  }
}

export type TResolvedAddress = { address: string; family: number };
export type TLookup = (hostname: string) => Promise<readonly TResolvedAddress[]>;

export type TGuardedFetchOptions = {
  method?: string;
  headers?: Readonly<Record<string, string>>;
  body?: string | Buffer | URLSearchParams;
  signal?: AbortSignal;
  /** Largest body accepted, after decompression; default 10 MB. */
  maxBytes?: number;
  /** For the whole fetch: every hop, headers and body; default 20 s. */
  timeoutMs?: number;
  /** Per connection attempt; default 10 s. */
  connectTimeoutMs?: number;
  /** Redirects followed; one more is an error. Default 5. */
  maxRedirects?: number;
  /** Where site owners learn who we are; goes into the User-Agent. */
  contactUrl?: string;
  /**
   * Tests only: let 127.0.0.0/8 and ::1 through — for every host (true) or for the named hosts.
   * Never private ranges, link-local or loopback hidden inside IPv6.
   */
  allowLoopback?: boolean | readonly string[];
  /** Tests only: a resolver standing in for DNS. */
  lookup?: TLookup;
  /**
   * A cookie jar for sites that set a session cookie on a redirect and expect it back (banki.ru
   * answers its first request with a 302 that sets cookies). Set-Cookie of every hop is stored
   * here by origin, name=value only, and the origin's cookies go out on the following hops and
   * on the caller's next fetch with the same jar. Without it, no cookie is kept.
   */
  cookies?: TCookieJar;
};

/** Cookies by origin ("https://www.banki.ru"), name → value; never sent to another origin. */
export type TCookieJar = Map<string, Map<string, string>>;

export type TGuardedResponse = {
  status: number;
  headers: Headers;
  /** The final URL after redirects, without credentials. */
  url: string;
  body: Buffer;
  /** The body decoded by its declared charset (header, BOM, <meta>, <?xml?>), else UTF-8. */
  text(): string;
  json<T = unknown>(): T;
};

export const DEFAULT_MAX_BYTES = 10 * 1024 * 1024;
export const DEFAULT_CONTACT_URL = "https://repute.invalid/bot";

const VERSION = readVersion();
const REDIRECTS = new Set([301, 302, 303, 307, 308]);
// RFC 6761: these never leave the machine, whatever a resolver says.
const LOCALHOST: readonly TResolvedAddress[] = [
  { address: "127.0.0.1", family: 4 },
  { address: "::1", family: 6 },
];

/** Honest about who is asking, so site owners can tell us apart and find out more. */
export function reputeUserAgent(contactUrl = DEFAULT_CONTACT_URL): string {
  return `Repute/${VERSION} (+${contactUrl}; reputation monitoring; self-hosted)`;
}

export async function guardedFetch(input: string | URL, options: TGuardedFetchOptions = {}): Promise<TGuardedResponse> {
  let url = parseUrl(input);
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const timeoutMs = options.timeoutMs ?? 20_000;
  const maxRedirects = options.maxRedirects ?? 5;
  const deadline = AbortSignal.timeout(timeoutMs);
  const signal = options.signal ? AbortSignal.any([options.signal, deadline]) : deadline;
  // Addresses vetted for each host of this fetch; the agent's connections may use nothing else.
  const pins = new Map<string, readonly TResolvedAddress[]>();
  const agent = new Agent({
    connect: { timeout: options.connectTimeoutMs ?? 10_000, lookup: pinnedLookup(pins) },
    headersTimeout: 0, // the deadline covers it
    bodyTimeout: 0,
  });

  let host = bareHost(url);
  let method = (options.method ?? "GET").toUpperCase();
  let body = requestBody(options.body);
  let headers = requestHeaders(options, body);
  try {
    for (let redirects = 0; ; redirects++) {
      if (url.protocol !== "http:" && url.protocol !== "https:") {
        throw new FetchRefusedError("bad_scheme", url.host || `a ${url.protocol} URL`, `only http and https are fetched, not ${url.protocol}`);
      }
      pins.set(host, await vetHost(host, options, signal));
      const withAuth = url.username || url.password ? { authorization: basicAuth(url), ...headers } : headers;
      const res = await request(`${url.origin}${url.pathname}${url.search}`, {
        method,
        headers: withJarCookies(withAuth, options.cookies, url.origin),
        body: body?.data,
        signal,
        dispatcher: agent,
      });
      if (options.cookies) storeCookies(options.cookies, url.origin, res.headers["set-cookie"]);
      const location = header(res.headers, "location");
      if (REDIRECTS.has(res.statusCode) && location !== undefined) {
        await res.body.dump().catch(() => undefined);
        if (redirects >= maxRedirects) throw new FetchRefusedError("too_many_redirects", host, `more than ${maxRedirects} redirects`);
        const next = resolveLocation(location, url, host);
        // As browsers do: 303 (and 301/302 after POST) turn into a body-less GET.
        if (res.statusCode === 303 ? method !== "HEAD" : (res.statusCode === 301 || res.statusCode === 302) && method === "POST") {
          method = "GET";
          body = undefined;
          headers = withoutKeys(headers, /^content-/);
        }
        // Credentials are for the origin they were given to.
        if (next.origin !== url.origin) headers = withoutKeys(headers, /^(authorization|cookie|proxy-authorization)$/);
        url = next;
        host = bareHost(url);
        continue;
      }
      const raw = await readBody(res.body, res.headers, maxBytes, host);
      const decoded = method === "HEAD" ? raw : await decodeBody(raw, header(res.headers, "content-encoding"), maxBytes, host);
      return response(res.statusCode, toHeaders(res.headers), `${url.origin}${url.pathname}${url.search}`, decoded);
    }
  } catch (error) {
    throw toFetchError(error, { host, url, options, deadline, timeoutMs });
  } finally {
    agent.destroy().catch(() => undefined);
  }
}

// ---- vetting ---------------------------------------------------------------------------

/**
 * The address check of every hop, exported for the browser's request guard and proxy
 * (`lib/browser/`) so a page is held to exactly the rules of a fetch: the vetted addresses of a
 * host name, or a FetchRefusedError naming what it resolves to.
 */
export async function vetHost(
  host: string,
  options: Pick<TGuardedFetchOptions, "allowLoopback" | "lookup">,
  signal: AbortSignal,
): Promise<readonly TResolvedAddress[]> {
  const literal = classifyAddress(host);
  let addresses: readonly TResolvedAddress[];
  if (literal) addresses = [{ address: host, family: literal.family }];
  else if (host === "localhost" || host.endsWith(".localhost")) addresses = LOCALHOST;
  else addresses = await resolve(host, options.lookup, signal);
  for (const { address } of addresses) {
    const c = classifyAddress(address);
    if (c?.kind === "public") continue;
    const loopbackOk = options.allowLoopback === true || (Array.isArray(options.allowLoopback) && options.allowLoopback.includes(host));
    if (loopbackOk && isPlainLoopback(address)) continue;
    const what = c ? describeClass(address, c) : `${address}, which is not an IP address`;
    throw new FetchRefusedError("blocked_address", host, literal ? what : `it resolves to ${what}`);
  }
  return addresses;
}

async function resolve(host: string, lookup: TLookup | undefined, signal: AbortSignal): Promise<readonly TResolvedAddress[]> {
  try {
    const pending = lookup ? lookup(host) : systemLookup(host, { all: true });
    // DNS cannot be cancelled, but the caller need not wait for it.
    const addresses = await Promise.race([pending, aborted(signal)]);
    if (addresses.length === 0) throw new Error("no addresses");
    return addresses;
  } catch (error) {
    if (signal.aborted) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new FetchRefusedError("network", host, `could not resolve the name${code ? ` (${code})` : ""}`, { cause: error });
  }
}

function describeClass(address: string, c: TAddressClass): string {
  const kind = c.kind.replace("_", "-").replace("cgnat", "carrier-grade NAT");
  const inside = c.embeddedIn ? ` (IPv4 inside a ${c.embeddedIn} IPv6 address)` : "";
  const article = /^[aeiu]/.test(kind) ? "an" : "a";
  return `${address}, ${article} ${kind} address${inside}`;
}

/** The agent's resolver: answers only with what vetHost approved for this fetch. */
function pinnedLookup(pins: ReadonlyMap<string, readonly TResolvedAddress[]>) {
  return (
    hostname: string,
    options: LookupOptions,
    callback: (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void,
  ): void => {
    const family = options.family === "IPv4" ? 4 : options.family === "IPv6" ? 6 : options.family;
    const pinned = (pins.get(hostname.toLowerCase()) ?? []).filter((a) => !family || a.family === family);
    const first = pinned[0];
    if (!first) {
      callback(Object.assign(new Error(`no vetted address for ${hostname}`), { code: "ENOTFOUND" }), "");
    } else if (options.all) {
      callback(null, pinned.map((a) => ({ address: a.address, family: a.family })));
    } else {
      callback(null, first.address, first.family);
    }
  };
}

// ---- request and response --------------------------------------------------------------

function parseUrl(input: string | URL): URL {
  try {
    return new URL(input);
  } catch {
    // The input is not echoed: it may hold credentials.
    throw new FetchRefusedError("bad_scheme", "(unparseable URL)", "not a valid URL");
  }
}

const bareHost = (url: URL): string => url.hostname.replace(/^\[(.*)\]$/, "$1");

function resolveLocation(location: string, base: URL, host: string): URL {
  try {
    return new URL(location, base);
  } catch {
    throw new FetchRefusedError("network", host, "the redirect points to an invalid URL");
  }
}

function requestBody(body: TGuardedFetchOptions["body"]): { data: string | Buffer; type?: string } | undefined {
  if (body === undefined) return undefined;
  if (body instanceof URLSearchParams) return { data: body.toString(), type: "application/x-www-form-urlencoded;charset=UTF-8" };
  if (typeof body === "string") return { data: body, type: "text/plain;charset=UTF-8" };
  return { data: body };
}

function requestHeaders(options: TGuardedFetchOptions, body: ReturnType<typeof requestBody>): Record<string, string> {
  const headers: Record<string, string> = {
    "user-agent": reputeUserAgent(options.contactUrl),
    accept: "*/*",
    "accept-encoding": "gzip, deflate, br",
  };
  if (body?.type) headers["content-type"] = body.type;
  for (const [name, value] of Object.entries(options.headers ?? {})) headers[name.toLowerCase()] = value;
  return headers;
}

function withoutKeys(headers: Record<string, string>, drop: RegExp): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).filter(([name]) => !drop.test(name)));
}

/** The jar's cookies for this origin join (and override by name) a caller's own Cookie header. */
function withJarCookies(headers: Record<string, string>, jar: TCookieJar | undefined, origin: string): Record<string, string> {
  const stored = jar?.get(origin);
  if (!stored || stored.size === 0) return headers;
  const pairs = new Map<string, string>();
  for (const part of (headers.cookie ?? "").split(";")) {
    const eq = part.indexOf("=");
    if (eq > 0) pairs.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim());
  }
  for (const [name, value] of stored) pairs.set(name, value);
  return { ...headers, cookie: [...pairs].map(([name, value]) => `${name}=${value}`).join("; ") };
}

/** name=value of each Set-Cookie; attributes are ignored except a Max-Age or Expires that deletes. */
function storeCookies(jar: TCookieJar, origin: string, setCookie: string | string[] | undefined): void {
  for (const line of Array.isArray(setCookie) ? setCookie : setCookie === undefined ? [] : [setCookie]) {
    const [pair = "", ...attributes] = line.split(";");
    const eq = pair.indexOf("=");
    const name = (eq < 0 ? "" : pair.slice(0, eq)).trim();
    if (!name) continue;
    const value = pair.slice(eq + 1).trim();
    const cookies = jar.get(origin) ?? new Map<string, string>();
    if (isExpired(attributes)) cookies.delete(name);
    else cookies.set(name, value);
    if (cookies.size > 0) jar.set(origin, cookies);
    else jar.delete(origin);
  }
}

/** RFC 6265 §5.3: Max-Age wins over Expires; either in the past deletes the cookie. */
function isExpired(attributes: readonly string[]): boolean {
  const values = new Map<string, string>();
  for (const attribute of attributes) {
    const eq = attribute.indexOf("=");
    if (eq > 0) values.set(attribute.slice(0, eq).trim().toLowerCase(), attribute.slice(eq + 1).trim());
  }
  const maxAge = values.get("max-age");
  if (maxAge !== undefined && /^-?\d+$/.test(maxAge)) return Number(maxAge) <= 0;
  const expires = values.get("expires");
  return expires !== undefined && Date.parse(expires) <= Date.now();
}

function basicAuth(url: URL): string {
  return `Basic ${Buffer.from(`${decode(url.username)}:${decode(url.password)}`).toString("base64")}`;
}

function decode(component: string): string {
  try {
    return decodeURIComponent(component);
  } catch {
    return component; // a stray "%" survives URL parsing
  }
}

type TRawHeaders = Record<string, string | string[] | undefined>;

function header(headers: TRawHeaders, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value.join(", ") : value;
}

function toHeaders(raw: TRawHeaders): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(raw)) {
    for (const v of Array.isArray(value) ? value : value === undefined ? [] : [value]) headers.append(name, v);
  }
  return headers;
}

async function readBody(stream: Readable, headers: TRawHeaders, maxBytes: number, host: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = Number(header(headers, "content-length")) || 0;
  if (size <= maxBytes) {
    size = 0;
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > maxBytes) break;
      chunks.push(chunk);
    }
  }
  if (size > maxBytes) {
    // Stop downloading now rather than after the server is done.
    stream.on("error", () => undefined).destroy();
    throw tooLarge(host, maxBytes);
  }
  return Buffer.concat(chunks);
}

const tooLarge = (host: string, maxBytes: number) =>
  new FetchRefusedError("too_large", host, `the body is larger than the limit of ${formatBytes(maxBytes)}`);

function formatBytes(n: number): string {
  const mb = n / (1024 * 1024);
  return mb >= 1 && Number.isInteger(mb * 10) ? `${mb} MB (${n} bytes)` : `${n} bytes`;
}

const gunzip = promisify(zlib.gunzip);
const inflate = promisify(zlib.inflate);
const inflateRaw = promisify(zlib.inflateRaw);
const brotli = promisify(zlib.brotliDecompress);

/** Decompressed output is held to the same limit: a 10 kB gzip can expand to gigabytes. */
async function decodeBody(raw: Buffer, encoding: string | undefined, maxBytes: number, host: string): Promise<Buffer> {
  const codings = (encoding ?? "").split(",").map((c) => c.trim().toLowerCase()).filter((c) => c && c !== "identity");
  let data = raw;
  for (const coding of codings.reverse()) {
    if (data.length === 0) break;
    const limit = { maxOutputLength: maxBytes };
    // Truncated streams are common in the wild; browsers show what arrived, and so do we.
    const lenient = { ...limit, finishFlush: zlib.constants.Z_SYNC_FLUSH };
    try {
      if (coding === "gzip" || coding === "x-gzip") data = await gunzip(data, lenient);
      else if (coding === "br") data = await brotli(data, limit);
      // "deflate" should be zlib-wrapped, but some servers send raw deflate.
      else if (coding === "deflate") data = await (isZlibHeader(data) ? inflate(data, lenient) : inflateRaw(data, lenient));
      else throw new FetchRefusedError("network", host, `unsupported Content-Encoding ${coding}`);
    } catch (error) {
      if (error instanceof FetchRefusedError) throw error;
      if ((error as NodeJS.ErrnoException).code === "ERR_BUFFER_TOO_LARGE") throw tooLarge(host, maxBytes);
      throw new FetchRefusedError("network", host, `the ${coding} body is corrupt`, { cause: error });
    }
  }
  return data;
}

const isZlibHeader = (b: Buffer): boolean => b.length >= 2 && ((b[0] ?? 0) & 0x0f) === 8 && (((b[0] ?? 0) << 8) | (b[1] ?? 0)) % 31 === 0;

function response(status: number, headers: Headers, url: string, body: Buffer): TGuardedResponse {
  let decoded: string | undefined;
  const text = () => (decoded ??= decodeText(body, headers.get("content-type")));
  return { status, headers, url, body, text, json: <T>() => JSON.parse(text()) as T };
}

// ---- errors ----------------------------------------------------------------------------

type TErrorContext = { host: string; url: URL; options: TGuardedFetchOptions; deadline: AbortSignal; timeoutMs: number };

function toFetchError(error: unknown, { host, url, options, deadline, timeoutMs }: TErrorContext): unknown {
  if (error instanceof FetchRefusedError) return error;
  if (options.signal?.aborted) return options.signal.reason; // the caller's own cancellation
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === "UND_ERR_CONNECT_TIMEOUT") {
    return new FetchRefusedError("timeout", host, `could not connect within ${options.connectTimeoutMs ?? 10_000} ms`, { cause: error });
  }
  if (deadline.aborted || code === "UND_ERR_HEADERS_TIMEOUT" || code === "UND_ERR_BODY_TIMEOUT") {
    return new FetchRefusedError("timeout", host, `no complete answer within ${timeoutMs} ms`, { cause: error });
  }
  const detail = redact(error instanceof Error ? error.message : String(error), url);
  return new FetchRefusedError("network", host, code && !detail.includes(code) ? `${detail} (${code})` : detail, { cause: error });
}

/** Belt and braces: no code path puts credentials in an error, and this keeps it so. */
function redact(message: string, url: URL): string {
  const secrets = [url.username, url.password, decode(url.username), decode(url.password)];
  return secrets.filter((s) => s.length >= 4).reduce((m, s) => m.split(s).join("[redacted]"), message);
}

function aborted(signal: AbortSignal): Promise<never> {
  return new Promise((_, reject) => {
    if (signal.aborted) reject(signal.reason);
    else signal.addEventListener("abort", () => reject(signal.reason), { once: true });
  });
}

function readVersion(): string {
  try {
    const pkg = JSON.parse(readFileSync(new URL("../../../package.json", import.meta.url), "utf8")) as { version?: string };
    return pkg.version ?? "0.0.0";
  } catch {
    return "0.0.0";
  }
}
