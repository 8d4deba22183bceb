/**
 * Which addresses outbound HTTP may reach. Our own parser rather than net.BlockList, because
 * the dangerous cases are addresses hidden inside other addresses (IPv4-mapped, NAT64, 6to4),
 * which a range list cannot see through, and because resolvers accept IPv4 notations
 * (`2130706433`, `0177.0.0.1`, `0x7f.1`) that a plain dotted-quad check misreads.
 *
 * Anything not on the public internet is refused: the server runs inside someone's network,
 * next to their database, router and cloud metadata endpoint.
 */
export type TAddressKind =
  | "public"
  | "loopback"
  | "private"
  | "link_local"
  | "cgnat"
  | "unspecified"
  | "multicast"
  | "broadcast"
  | "documentation"
  | "reserved";

/** How an IPv6 address carries the IPv4 address it was classified by. */
export type TEmbedding = "ipv4-mapped" | "ipv4-compatible" | "ipv4-translated" | "nat64" | "6to4";

export type TAddressClass = { kind: TAddressKind; family: 4 | 6; embeddedIn?: TEmbedding };

type TRange<T> = { base: T; bits: number; kind: Exclude<TAddressKind, "public"> };

// First match wins: 255.255.255.255 must be seen before 240/4.
const IPV4_RANGES: readonly TRange<number>[] = [
  v4("0.0.0.0", 8, "unspecified"), // "this network"; Linux connects 0.0.0.0 to itself
  v4("10.0.0.0", 8, "private"),
  v4("100.64.0.0", 10, "cgnat"),
  v4("127.0.0.0", 8, "loopback"),
  v4("169.254.0.0", 16, "link_local"), // includes 169.254.169.254, the cloud metadata service
  v4("172.16.0.0", 12, "private"),
  v4("192.0.0.0", 24, "reserved"), // IETF protocol assignments
  v4("192.0.2.0", 24, "documentation"),
  v4("192.88.99.0", 24, "reserved"), // deprecated 6to4 relay anycast (RFC 7526)
  v4("192.168.0.0", 16, "private"),
  v4("198.18.0.0", 15, "reserved"), // benchmarking
  v4("198.51.100.0", 24, "documentation"),
  v4("203.0.113.0", 24, "documentation"),
  v4("224.0.0.0", 4, "multicast"),
  v4("255.255.255.255", 32, "broadcast"),
  v4("240.0.0.0", 4, "reserved"),
];

const NAT64_TOP96 = 0x64ff9bn << 64n;

// Ranges that embed an IPv4 address are handled in classifyIPv6 before this list.
const IPV6_RANGES: readonly TRange<bigint>[] = [
  v6("64:ff9b:1::", 48, "private"), // local-use NAT64 (RFC 8215): the operator's own translator
  v6("::", 8, "reserved"),
  v6("100::", 64, "reserved"), // discard-only
  v6("2001:db8::", 32, "documentation"),
  v6("2001::", 23, "reserved"), // IETF assignments, incl. Teredo, which hides an IPv4 client
  v6("3fff::", 20, "documentation"),
  v6("5f00::", 16, "reserved"), // SRv6 SIDs
  v6("fc00::", 7, "private"), // unique local
  v6("fe80::", 10, "link_local"),
  v6("fec0::", 10, "private"), // deprecated site-local, still routed inside some networks
  v6("ff00::", 8, "multicast"),
];

/**
 * An IPv4 address as resolvers and the WHATWG URL parser read it: one to four parts, each
 * decimal, octal (leading 0) or hex (0x), the last part filling the remaining bytes, one
 * trailing dot allowed. Returns the address as an unsigned 32-bit number.
 */
export function parseIPv4(text: string): number | undefined {
  const parts = text.split(".");
  if (parts.length > 1 && parts[parts.length - 1] === "") parts.pop();
  if (parts.length === 0 || parts.length > 4) return undefined;
  const numbers: number[] = [];
  for (const part of parts) {
    const n = parseIPv4Part(part);
    if (n === undefined) return undefined;
    numbers.push(n);
  }
  const last = numbers.pop() ?? 0;
  if (numbers.some((n) => n > 255)) return undefined;
  if (last >= 256 ** (4 - numbers.length)) return undefined;
  return numbers.reduce((sum, n, i) => sum + n * 256 ** (3 - i), 0) + last;
}

function parseIPv4Part(part: string): number | undefined {
  let digits = part;
  let radix = 10;
  if (/^0x/i.test(part)) {
    digits = part.slice(2);
    radix = 16;
    if (digits === "") return 0; // "0x" is zero to WHATWG
  } else if (part.length > 1 && part.startsWith("0")) {
    digits = part.slice(1);
    radix = 8;
  }
  const pattern = radix === 16 ? /^[0-9a-f]+$/i : radix === 8 ? /^[0-7]+$/ : /^[0-9]+$/;
  if (!pattern.test(digits)) return undefined;
  const n = Number.parseInt(digits, radix);
  // Larger than any IPv4 address: reject before precision is lost.
  return n <= 0xffffffff ? n : undefined;
}

/**
 * An IPv6 address, with optional brackets and zone id (`fe80::1%eth0`), `::` compression and
 * a dotted-quad tail (strict decimal, as RFC 4291 and WHATWG require). Returns 128 bits.
 */
export function parseIPv6(input: string): bigint | undefined {
  let text = input.startsWith("[") && input.endsWith("]") ? input.slice(1, -1) : input;
  const zone = text.indexOf("%");
  if (zone >= 0) text = text.slice(0, zone);
  const lastColon = text.lastIndexOf(":");
  if (lastColon < 0) return undefined;
  const tail = text.slice(lastColon + 1);
  if (tail.includes(".")) {
    if (!/^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/.test(tail)) return undefined;
    const v4n = parseIPv4(tail) ?? 0;
    text = `${text.slice(0, lastColon + 1)}${(v4n >>> 16).toString(16)}:${(v4n & 0xffff).toString(16)}`;
  }
  const halves = text.split("::");
  if (halves.length > 2) return undefined;
  const groups = (half: string | undefined): string[] | undefined => {
    if (half === undefined || half === "") return [];
    const list = half.split(":");
    return list.every((g) => /^[0-9a-f]{1,4}$/i.test(g)) ? list : undefined;
  };
  const head = groups(halves[0]);
  const rest = halves.length === 2 ? groups(halves[1]) : [];
  if (head === undefined || rest === undefined) return undefined;
  const missing = 8 - head.length - rest.length;
  if (halves.length === 2 ? missing < 1 : missing !== 0) return undefined;
  const all = [...head, ...Array<string>(missing).fill("0"), ...rest];
  return all.reduce((acc, g) => (acc << 16n) | BigInt(Number.parseInt(g, 16)), 0n);
}

/** Classify an IP address in any notation; undefined when it is not an IP address at all. */
export function classifyAddress(text: string): TAddressClass | undefined {
  const v4n = parseIPv4(text);
  if (v4n !== undefined) return { kind: classifyIPv4(v4n), family: 4 };
  const v6n = parseIPv6(text);
  if (v6n !== undefined) return classifyIPv6(v6n);
  return undefined;
}

export function isPublicAddress(text: string): boolean {
  return classifyAddress(text)?.kind === "public";
}

/** 127.0.0.0/8 or ::1 written plainly, the only addresses tests may open up. */
export function isPlainLoopback(text: string): boolean {
  const c = classifyAddress(text);
  return c?.kind === "loopback" && c.embeddedIn === undefined;
}

function classifyIPv4(n: number): TAddressKind {
  for (const r of IPV4_RANGES) if (inRange4(n, r)) return r.kind;
  return "public";
}

function classifyIPv6(n: bigint): TAddressClass {
  const family = 6;
  if (n === 0n) return { kind: "unspecified", family };
  if (n === 1n) return { kind: "loopback", family };
  const low32 = Number(n & 0xffffffffn);
  const top96 = n >> 32n;
  // The embedded address decides, except where the wrapper itself is never routed.
  const embedded = (embeddedIn: TEmbedding, v4n: number, otherwise: TAddressKind): TAddressClass => {
    const kind = classifyIPv4(v4n);
    return { kind: kind === "public" ? otherwise : kind, family, embeddedIn };
  };
  if (top96 === 0xffffn) return embedded("ipv4-mapped", low32, "public"); // ::ffff:a.b.c.d
  if (top96 === 0xffff0000n) return embedded("ipv4-translated", low32, "reserved"); // ::ffff:0:a.b.c.d
  if (top96 === 0n) return embedded("ipv4-compatible", low32, "reserved"); // ::a.b.c.d, deprecated
  if (top96 === NAT64_TOP96) return embedded("nat64", low32, "public"); // 64:ff9b::/96
  if (n >> 112n === 0x2002n) return embedded("6to4", Number((n >> 80n) & 0xffffffffn), "public");
  for (const r of IPV6_RANGES) if (inRange6(n, r)) return { kind: r.kind, family };
  // IANA allocates global unicast only from 2000::/3; the rest is unassigned.
  return { kind: n >> 125n === 1n ? "public" : "reserved", family };
}

function inRange4(n: number, r: TRange<number>): boolean {
  const mask = r.bits === 0 ? 0 : (0xffffffff << (32 - r.bits)) >>> 0;
  return ((n & mask) >>> 0) === r.base;
}

function inRange6(n: bigint, r: TRange<bigint>): boolean {
  const shift = BigInt(128 - r.bits);
  return n >> shift === r.base >> shift;
}

function v4(base: string, bits: number, kind: TRange<number>["kind"]): TRange<number> {
  const n = parseIPv4(base);
  if (n === undefined) throw new Error(`bad range ${base}`);
  return { base: n, bits, kind };
}

function v6(base: string, bits: number, kind: TRange<bigint>["kind"]): TRange<bigint> {
  const n = parseIPv6(base);
  if (n === undefined) throw new Error(`bad range ${base}`);
  return { base: n, bits, kind };
}
