import { describe, expect, it } from "vitest";
import { decodeText, detectCharset } from "./charset.ts";

const ascii = (s: string) => Buffer.from(s, "latin1");

describe("detectCharset", () => {
  it.each([
    ["text/html; charset=windows-1251", "<p>", "windows-1251"],
    ['text/html; charset="KOI8-R"', "<p>", "koi8-r"],
    ["text/plain;charset=cp1251", "", "windows-1251"], // labels are normalised by TextDecoder
    ["text/html", '<meta charset="koi8-r">', "koi8-r"],
    ["text/html", "<meta charset=windows-1251>", "windows-1251"],
    ["text/html", '<meta http-equiv="Content-Type" content="text/html; charset=windows-1251">', "windows-1251"],
    ["text/html", '<!-- <meta charset="koi8-r"> --><meta charset="windows-1251">', "windows-1251"], // comments are not markup
    ["text/html", '<meta charset="utf-16le">', "utf-8"], // found by reading ASCII, so it cannot be UTF-16
    ["text/html", '<meta charset="x-user-defined">', "windows-1252"],
    [null, '<!DOCTYPE html><meta charset="koi8-r">', "koi8-r"], // no Content-Type: sniff HTML
    ["text/plain", '<meta charset="koi8-r">', "utf-8"], // not HTML: <meta> means nothing
    ["application/rss+xml", '<?xml version="1.0" encoding="windows-1251"?><rss/>', "windows-1251"],
    [null, "<?xml version='1.0' encoding='KOI8-R'?><feed/>", "koi8-r"],
    ["text/html; charset=nonsense", "<p>", "utf-8"],
    ["application/json", "{}", "utf-8"],
  ])("%s + %s → %s", (contentType, head, expected) => {
    expect(detectCharset(ascii(head), contentType)).toBe(expected);
  });

  it("lets a byte-order mark win over everything", () => {
    expect(detectCharset(Buffer.from([0xef, 0xbb, 0xbf, 0x41]), "text/plain; charset=koi8-r")).toBe("utf-8");
    expect(detectCharset(Buffer.from([0xff, 0xfe, 0x41, 0]), "text/html; charset=windows-1251")).toBe("utf-16le");
    expect(detectCharset(Buffer.from([0xfe, 0xff, 0, 0x41]), null)).toBe("utf-16be");
  });
});

describe("decodeText", () => {
  it("decodes Cyrillic in both single-byte encodings and drops the BOM", () => {
    expect(decodeText(Buffer.from([0xcf, 0xf0, 0xe8, 0xe2, 0xe5, 0xf2]), "text/plain; charset=windows-1251")).toBe("Привет");
    expect(decodeText(Buffer.from([0xf0, 0xd2, 0xc9, 0xd7, 0xc5, 0xd4]), "text/plain; charset=koi8-r")).toBe("Привет");
    expect(decodeText(Buffer.from("\uFEFFПривет"), null)).toBe("Привет");
  });
});
