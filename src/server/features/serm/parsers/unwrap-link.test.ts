import { describe, expect, it } from "vitest";
import { displayDomain, unwrapLink } from "./unwrap-link.ts";

describe("unwrapLink", () => {
  it("unwraps Google /url?q= (relative and absolute) and keeps direct links as printed", () => {
    expect(unwrapLink("/url?q=https://www.google.com/imghp%3Fhl%3DEN&sa=U&ved=2ah", "https://www.google.com/")).toEqual({ url: "https://www.google.com/imghp?hl=EN" });
    expect(unwrapLink("https://www.google.de/url?url=https://example.org/a&rct=j", "https://www.google.com/")).toEqual({ url: "https://example.org/a" });
    expect(unwrapLink("http://www.PORT3.ru/info/KAGER/841428", "https://yandex.ru/")).toEqual({ url: "http://www.PORT3.ru/info/KAGER/841428" });
  });

  it("decodes Bing ck/a u=a1<base64url>, and keeps a ck/a link without a target with a note", () => {
    expect(unwrapLink("https://www.bing.com/ck/a?!&&p=1c2f&ptn=3&u=a1aHR0cHM6Ly9lbi53aWtpcGVkaWEub3JnL3dpa2kvTm9ydGh3aW5kX0Jhbms&ntb=1", "https://www.bing.com/")).toEqual({
      url: "https://en.wikipedia.org/wiki/Northwind_Bank",
    });
    const kept = unwrapLink("https://www.bing.com/ck/a?!&&p=1c2f&ntb=1", "https://www.bing.com/");
    expect(kept?.url).toBe("https://www.bing.com/ck/a?!&&p=1c2f&ntb=1");
    expect(kept?.note).toMatch(/could not be read/);
  });

  it("unwraps Yandex safety, infected, Turbo and clck counter links, and protocol-relative ones", () => {
    const base = "https://yandex.ru/";
    expect(unwrapLink("/safety/?url=https%3A%2F%2Fwww.SvayBur.ru%2Ftseny&l10n=ru", base)?.url).toBe("https://www.SvayBur.ru/tseny");
    expect(unwrapLink("/search/infected/?url=http%3A%2F%2Fchinimavto.ru%2Fshow%2F1.html&fmode=inject", base)?.url).toBe("http://chinimavto.ru/show/1.html");
    expect(unwrapLink("https://yandex.ru/turbo?text=http%3A%2F%2Ftakelaj-gruz.ru%2Ftakelazh%2F&from=serp", base)?.url).toBe("http://takelaj-gruz.ru/takelazh/");
    expect(unwrapLink("https://clck.yandex.ru/redir/dv/*data=url%3Dhttps%253A%252F%252Fexample.org%252Fa%253Fb%253D1%26ts%3D1%26uid%3D2&sign=abc&keyno=1", base)?.url).toBe(
      "https://example.org/a?b=1",
    );
    expect(unwrapLink("//market.yandex.ru/product--x/1?hid=2", base)?.url).toBe("https://market.yandex.ru/product--x/1?hid=2");
  });

  it("has nothing for links that lead nowhere", () => {
    for (const href of [undefined, "", "#", "javascript:void(0);", "mailto:a@b.c", "data:text/html,x"]) expect(unwrapLink(href, "https://www.bing.com/")).toBeUndefined();
  });
});

describe("displayDomain", () => {
  it("is the lower-case host without www.", () => {
    expect(displayDomain("http://www.PORT3.ru/info")).toBe("port3.ru");
    expect(displayDomain("not a url")).toBeUndefined();
  });
});
