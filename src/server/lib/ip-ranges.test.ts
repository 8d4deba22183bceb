import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { classifyAddress, isPlainLoopback, isPublicAddress, parseIPv4, parseIPv6 } from "./ip-ranges.ts";

const kindOf = (address: string) => classifyAddress(address)?.kind;
const dotted = (n: number) => [24, 16, 8, 0].map((s) => (n >>> s) & 255).join(".");

/** What the WHATWG URL parser makes of a host: a dotted quad, another host, or nothing. */
function urlHost(host: string): string | undefined {
  try {
    return new URL(`http://${host}/`).hostname;
  } catch {
    return undefined;
  }
}

describe("IPv4 ranges, checked at both edges", () => {
  // [address, kind]: the first and last address of every range and the neighbours outside it.
  const cases: [string, string][] = [
    ["0.0.0.0", "unspecified"],
    ["0.255.255.255", "unspecified"],
    ["1.0.0.0", "public"],
    ["9.255.255.255", "public"],
    ["10.0.0.0", "private"],
    ["10.255.255.255", "private"],
    ["11.0.0.0", "public"],
    ["100.63.255.255", "public"],
    ["100.64.0.0", "cgnat"],
    ["100.127.255.255", "cgnat"],
    ["100.128.0.0", "public"],
    ["126.255.255.255", "public"],
    ["127.0.0.0", "loopback"],
    ["127.0.0.1", "loopback"],
    ["127.255.255.255", "loopback"],
    ["128.0.0.0", "public"],
    ["169.253.255.255", "public"],
    ["169.254.0.0", "link_local"],
    ["169.254.169.254", "link_local"],
    ["169.254.255.255", "link_local"],
    ["169.255.0.0", "public"],
    ["172.15.255.255", "public"],
    ["172.16.0.0", "private"],
    ["172.31.255.255", "private"],
    ["172.32.0.0", "public"],
    ["191.255.255.255", "public"],
    ["192.0.0.0", "reserved"],
    ["192.0.0.255", "reserved"],
    ["192.0.1.0", "public"],
    ["192.0.2.0", "documentation"],
    ["192.0.2.255", "documentation"],
    ["192.0.3.0", "public"],
    ["192.88.98.255", "public"],
    ["192.88.99.0", "reserved"],
    ["192.88.99.255", "reserved"],
    ["192.88.100.0", "public"],
    ["192.167.255.255", "public"],
    ["192.168.0.0", "private"],
    ["192.168.255.255", "private"],
    ["192.169.0.0", "public"],
    ["198.17.255.255", "public"],
    ["198.18.0.0", "reserved"],
    ["198.19.255.255", "reserved"],
    ["198.20.0.0", "public"],
    ["198.51.99.255", "public"],
    ["198.51.100.0", "documentation"],
    ["198.51.100.255", "documentation"],
    ["198.51.101.0", "public"],
    ["203.0.112.255", "public"],
    ["203.0.113.0", "documentation"],
    ["203.0.113.255", "documentation"],
    ["203.0.114.0", "public"],
    ["223.255.255.255", "public"],
    ["224.0.0.0", "multicast"],
    ["239.255.255.255", "multicast"],
    ["240.0.0.0", "reserved"],
    ["255.255.255.254", "reserved"],
    ["255.255.255.255", "broadcast"],
    ["8.8.8.8", "public"],
    ["77.88.55.242", "public"],
  ];
  it.each(cases)("%s is %s", (address, kind) => {
    expect(kindOf(address)).toBe(kind);
    expect(classifyAddress(address)?.family).toBe(4);
    expect(isPublicAddress(address)).toBe(kind === "public");
  });
});

describe("IPv6 ranges", () => {
  const cases: [string, string, string?][] = [
    ["::", "unspecified"],
    ["::1", "loopback"],
    ["0:0:0:0:0:0:0:1", "loopback"],
    ["[::1]", "loopback"],
    ["::2", "unspecified", "ipv4-compatible"], // ::0.0.0.2
    ["::ffff:127.0.0.1", "loopback", "ipv4-mapped"],
    ["::ffff:7f00:1", "loopback", "ipv4-mapped"],
    ["::FFFF:7F00:0001", "loopback", "ipv4-mapped"],
    ["::ffff:10.1.2.3", "private", "ipv4-mapped"],
    ["::ffff:169.254.169.254", "link_local", "ipv4-mapped"],
    ["::ffff:8.8.8.8", "public", "ipv4-mapped"],
    ["::ffff:0:127.0.0.1", "loopback", "ipv4-translated"],
    ["::ffff:0:8.8.8.8", "reserved", "ipv4-translated"],
    ["::127.0.0.1", "loopback", "ipv4-compatible"],
    ["::7f00:1", "loopback", "ipv4-compatible"],
    ["::192.168.1.1", "private", "ipv4-compatible"],
    ["::8.8.8.8", "reserved", "ipv4-compatible"], // deprecated, never routed
    ["64:ff9b::127.0.0.1", "loopback", "nat64"],
    ["64:ff9b::a00:5", "private", "nat64"],
    ["64:ff9b::169.254.169.254", "link_local", "nat64"],
    ["64:ff9b::8.8.8.8", "public", "nat64"],
    ["64:ff9b:1::1", "private"],
    ["64:ff9b:2::1", "reserved"],
    ["2002:7f00:1::", "loopback", "6to4"],
    ["2002:c0a8:101::1", "private", "6to4"],
    ["2002:a9fe:a9fe::", "link_local", "6to4"],
    ["2002:808:808::1", "public", "6to4"],
    ["100::1", "reserved"],
    ["100:0:0:1::", "reserved"], // outside 100::/64, still outside 2000::/3
    ["2001::1", "reserved"], // Teredo
    ["2001:1ff:ffff::", "reserved"],
    ["2001:200::", "public"],
    ["2001:db8::1", "documentation"],
    ["2001:db9::", "public"],
    ["3fff::1", "documentation"],
    ["3fff:fff::", "documentation"],
    ["3fff:1000::", "public"],
    ["5f00::1", "reserved"],
    ["fbff:ffff::", "reserved"],
    ["fc00::", "private"],
    ["fd12:3456::1", "private"],
    ["fdff:ffff:ffff:ffff:ffff:ffff:ffff:ffff", "private"],
    ["fe80::", "link_local"],
    ["fe80::1%eth0", "link_local"],
    ["febf:ffff::", "link_local"],
    ["fec0::1", "private"],
    ["ff00::", "multicast"],
    ["ff02::1", "multicast"],
    ["1fff:ffff::", "reserved"],
    ["2000::", "public"],
    ["2a00:1450:4010:c05::65", "public"],
    ["3fff:ffff:ffff:ffff:ffff:ffff:ffff:ffff", "public"],
    ["4000::", "reserved"],
  ];
  it.each(cases)("%s is %s", (address, kind, embeddedIn) => {
    const c = classifyAddress(address);
    expect(c?.kind).toBe(kind);
    expect(c?.family).toBe(6);
    expect(c?.embeddedIn).toBe(embeddedIn);
  });
});

describe("notations", () => {
  it.each([
    ["2130706433", "127.0.0.1"],
    ["0177.0.0.1", "127.0.0.1"],
    ["0x7f.1", "127.0.0.1"],
    ["0x7f.0.0.1", "127.0.0.1"],
    ["127.1", "127.0.0.1"],
    ["127.0.1", "127.0.0.1"],
    ["0x7F000001", "127.0.0.1"],
    ["017700000001", "127.0.0.1"],
    ["0xa9.0xfe.0xa9.0xfe", "169.254.169.254"],
    ["169.254.43518", "169.254.169.254"],
    ["0", "0.0.0.0"],
    ["0x", "0.0.0.0"],
    ["10.0.0.1.", "10.0.0.1"],
    ["4294967295", "255.255.255.255"],
  ])("%s reads as %s, as the URL parser reads it", (text, expected) => {
    const n = parseIPv4(text);
    expect(n === undefined ? undefined : dotted(n)).toBe(expected);
    expect(urlHost(text)).toBe(expected);
  });

  it.each(["4294967296", "256.0.0.1", "1.2.3.4.5", "08.0.0.1", "0x1g", "1..1", "", ".", "example.com", "1.2.3.-1", " 1.2.3.4"])(
    "%j is not an IPv4 address",
    (text) => {
      expect(parseIPv4(text)).toBeUndefined();
    },
  );

  it.each([":", ":::", "1:2:3:4:5:6:7:8:9", "1::2::3", "12345::", "::ffff:1.2.3", "::ffff:01.2.3.4", "::ffff:1.2.3.256", "g::", "1:2:3:4:5:6:7", "::1:2:3:4:5:6:7:8", "1.2.3.4"])(
    "%j is not an IPv6 address",
    (text) => {
      expect(parseIPv6(text)).toBeUndefined();
    },
  );

  it("is undefined for host names", () => {
    expect(classifyAddress("localhost")).toBeUndefined();
    expect(classifyAddress("evil.example")).toBeUndefined();
    expect(isPublicAddress("example.com")).toBe(false);
  });

  it("agrees with the WHATWG URL parser on any IPv4 notation of any address", () => {
    const part = (n: number) =>
      fc.constantFrom(n.toString(10), `0${n.toString(8)}`, `0x${n.toString(16)}`, `0X${n.toString(16).toUpperCase()}`);
    const notation = fc.tuple(fc.nat({ max: 0xffffffff }), fc.integer({ min: 1, max: 4 })).chain(([n, count]) => {
      const bytes = [24, 16, 8, 0].map((s) => (n >>> s) & 255);
      const head = bytes.slice(0, count - 1);
      const last = bytes.slice(count - 1).reduce((acc, b) => acc * 256 + b, 0);
      return fc.tuple(fc.constant(n), fc.tuple(...head.map(part), part(last)).map((ps) => ps.join(".")));
    });
    fc.assert(
      fc.property(notation, ([n, text]) => {
        expect(parseIPv4(text)).toBe(n);
        expect(urlHost(text)).toBe(dotted(n));
      }),
      { numRuns: 2000 },
    );
  });

  it("accepts exactly the IPv4 strings the URL parser turns into addresses", () => {
    const text = fc.string({ unit: fc.constantFrom(..."0123456789abcfxX."), minLength: 1, maxLength: 14 });
    fc.assert(
      fc.property(text, (t) => {
        const n = parseIPv4(t);
        const host = urlHost(t);
        const urlSaysIPv4 = host !== undefined && /^\d+\.\d+\.\d+\.\d+$/.test(host);
        expect(n === undefined ? undefined : dotted(n)).toBe(urlSaysIPv4 ? host : undefined);
      }),
      { numRuns: 5000 },
    );
  });

  it("agrees with the URL parser on IPv6 strings, valid or not", () => {
    const groups = fc.array(fc.nat({ max: 0xffff }), { minLength: 8, maxLength: 8 });
    const written = groups.chain((gs) =>
      fc.tuple(fc.constant(gs), fc.integer({ min: 0, max: 8 }), fc.integer({ min: 0, max: 8 }), fc.boolean(), fc.boolean()).map(
        ([g, from, len, upper, v4tail]) => {
          const hex = g.map((x) => (upper ? x.toString(16).toUpperCase() : x.toString(16)));
          let parts: string[] = hex;
          if (v4tail) parts = [...hex.slice(0, 6), `${(g[6] ?? 0) >> 8}.${(g[6] ?? 0) & 255}.${(g[7] ?? 0) >> 8}.${(g[7] ?? 0) & 255}`];
          const end = Math.min(parts.length, from + len);
          // Compress a (possibly empty, possibly illegal) run of groups to "::".
          const text = len === 0 ? parts.join(":") : `${parts.slice(0, from).join(":")}::${parts.slice(end).join(":")}`;
          return { g, text };
        },
      ),
    );
    fc.assert(
      fc.property(written, ({ text }) => {
        const ours = parseIPv6(text);
        const host = urlHost(`[${text}]`);
        expect(ours === undefined).toBe(host === undefined);
        if (ours !== undefined && host !== undefined) expect(parseIPv6(host)).toBe(ours);
      }),
      { numRuns: 3000 },
    );
  });
});

describe("isPlainLoopback", () => {
  it("opens only 127.0.0.0/8 and ::1", () => {
    expect(isPlainLoopback("127.0.0.1")).toBe(true);
    expect(isPlainLoopback("127.255.0.9")).toBe(true);
    expect(isPlainLoopback("::1")).toBe(true);
    for (const other of ["10.0.0.1", "192.168.1.1", "169.254.169.254", "::ffff:127.0.0.1", "64:ff9b::7f00:1", "0.0.0.0", "::", "fe80::1"]) {
      expect(isPlainLoopback(other)).toBe(false);
    }
  });
});
