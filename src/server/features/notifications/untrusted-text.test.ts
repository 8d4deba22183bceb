import { describe, expect, it } from "vitest";
import { escapeHtml, multiLine, safeHttpUrl, singleLine, truncate } from "./untrusted-text.ts";

describe("untrusted text", () => {
  it("escapes the five HTML-significant characters", () => {
    expect(escapeHtml(`<a href="x" onclick='y'>&amp;</a>`)).toBe("&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;");
  });

  it("flattens to one line or keeps paragraphs, without controls or bidi overrides", () => {
    expect(singleLine(" a\r\nBcc: x\t\u202Eb\u0000 ")).toBe("a Bcc: x b");
    expect(multiLine("one\r\n\r\n\r\n\r\ntwo  three\n\u2067four\u2069")).toBe("one\n\ntwo three\nfour");
  });

  it("truncates by code points, at a word boundary when one is near, with an ellipsis", () => {
    expect(truncate("short", 10)).toBe("short");
    expect(truncate("the quick brown fox jumps", 18)).toBe("the quick brown…");
    expect(truncate("the quick brown fox jumps", 20)).toBe("the quick brown fox…");
    expect(truncate("abcdefghijklmnopqrstuvwxyz", 10)).toBe("abcdefghi…");
    const emoji = truncate("😀".repeat(10), 6);
    expect(emoji).toBe("😀😀…");
    expect(emoji.length).toBeLessThanOrEqual(6);
  });

  it("links only to absolute http(s) URLs", () => {
    expect(safeHttpUrl("https://example.com/a?b=<c>")).toBe("https://example.com/a?b=%3Cc%3E");
    expect(safeHttpUrl("javascript:alert(1)")).toBeNull();
    expect(safeHttpUrl("data:text/html,<script>")).toBeNull();
    expect(safeHttpUrl("/relative")).toBeNull();
    expect(safeHttpUrl(null)).toBeNull();
  });
});
