import { describe, expect, it } from "vitest";
import { htmlToText } from "./html-to-text.ts";

describe("htmlToText", () => {
  it("keeps paragraphs and line breaks, decodes entities", () => {
    expect(htmlToText("<p>Привет,&nbsp;мир &amp; всё</p><p>Второй<br>абзац</p>")).toBe("Привет, мир & всё\n\nВторой\nабзац");
  });
  it("drops scripts, styles and tags but keeps link text", () => {
    expect(htmlToText('<style>p{}</style>Отличный <a href="x">банк</a><script>alert(1)</script>!')).toBe("Отличный банк!");
  });
  it("leaves plain text as it is, collapsing runs of spaces", () => {
    expect(htmlToText("  plain   text \n\n\n\n next ")).toBe("plain text\n\nnext");
  });
  it("treats a lone less-than sign as text", () => {
    expect(htmlToText("price < 5 & more")).toBe("price < 5 & more");
  });
});
