import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { canonicalizeUrl } from "./canonical-url.ts";

/** Every URL fed to canonicalizeUrl below, for the idempotence sweep at the end. */
const seen: string[] = [];

const canon = (url: string) => {
  seen.push(url);
  return canonicalizeUrl(url);
};
const canonical = (url: string) => canon(url)?.canonical;
const key = (url: string) => canon(url)?.key;
const enc = encodeURIComponent;

describe("canonicalizeUrl: rejects", () => {
  it("returns undefined for unparseable and non-http(s) URLs", () => {
    expect(canon("")).toBeUndefined();
    expect(canon("not a url")).toBeUndefined();
    expect(canon("/relative/path")).toBeUndefined();
    expect(canon("http://")).toBeUndefined();
    expect(canon("ftp://example.com/file")).toBeUndefined();
    expect(canon("mailto:press@example.com")).toBeUndefined();
    expect(canon("javascript:alert(1)")).toBeUndefined();
    expect(canon("tg://resolve?domain=durov")).toBeUndefined();
  });
});

describe("canonicalizeUrl: redirectors", () => {
  it("unwraps Google /url?url= and ?q= (Alerts)", () => {
    expect(canonical("https://www.google.com/url?rct=j&sa=t&url=https://www.rbc.ru/business/20/05/2024/abc&ct=ga&cd=CAEYACoU&usg=AOvVaw0")).toBe(
      "https://www.rbc.ru/business/20/05/2024/abc",
    );
    expect(canonical("https://www.google.ru/url?q=https%3A%2F%2Fvc.ru%2Fmarketing%2F123%3Futm_source%3Dgoogle&sa=U")).toBe("https://vc.ru/marketing/123");
  });

  it("unwraps vk.com/away.php?to=", () => {
    expect(canonical("https://vk.com/away.php?to=https%3A%2F%2Fhabr.com%2Fru%2Farticles%2F812345%2F&utf=1")).toBe("https://habr.com/ru/articles/812345");
    expect(canonical("https://m.vk.com/away.php?to=https%3A%2F%2Fexample.org%2F")).toBe("https://example.org/");
  });

  it("unwraps l.facebook.com/l.php?u=", () => {
    expect(canonical("https://l.facebook.com/l.php?u=https%3A%2F%2Fwww.kommersant.ru%2Fdoc%2F6700000%3Ffbclid%3DIwAR0&h=AT0")).toBe(
      "https://www.kommersant.ru/doc/6700000",
    );
  });

  it("unwraps nested redirectors", () => {
    const inner = `https://vk.com/away.php?to=${enc("https://lenta.ru/news/2024/05/20/bank/")}`;
    expect(canonical(`https://www.google.com/url?url=${enc(inner)}`)).toBe("https://lenta.ru/news/2024/05/20/bank");
  });

  it("leaves a redirector alone when its target is missing or not http(s)", () => {
    expect(canonical("https://www.google.com/url?q=javascript:alert(1)")).toBe("https://www.google.com/url?q=javascript:alert(1)");
    expect(canonical("https://vk.com/away.php")).toBe("https://vk.com/away.php");
    // google.com/search?q= is a search, not a redirect
    expect(canonical("https://www.google.com/search?q=https://example.com")).toBe("https://www.google.com/search?q=https://example.com");
  });
});

describe("canonicalizeUrl: scheme, host, port", () => {
  it("lowercases scheme and host and drops default ports", () => {
    expect(canonical("HTTPS://WWW.Example.COM:443/Path")).toBe("https://www.example.com/Path");
    expect(canonical("http://Example.com:80/")).toBe("http://example.com/");
    expect(canonical("https://example.com:8443/a")).toBe("https://example.com:8443/a");
  });

  it("converts IDN hosts to punycode", () => {
    expect(canonical("https://пример.рф/")).toBe("https://xn--e1afmkfd.xn--p1ai/");
    expect(canonical("https://Отзывы.Пример.РФ:443/")).toBe("https://xn--b1ajuq0cb.xn--e1afmkfd.xn--p1ai/");
  });

  it("drops credentials and a trailing dot on the host", () => {
    expect(canonical("https://user:secret@example.com/a")).toBe("https://example.com/a");
    expect(canonical("https://example.com./a")).toBe("https://example.com/a");
  });

  it("drops www./m./mobile./amp. on whitelisted domains only", () => {
    expect(canonical("https://www.otzovik.com/reviews/bank_x/")).toBe("https://otzovik.com/reviews/bank_x");
    expect(canonical("https://m.irecommend.ru/content/bank-x")).toBe("https://irecommend.ru/content/bank-x");
    expect(canonical("https://www.banki.ru/services/responses/bank/response/11000000/")).toBe("https://banki.ru/services/responses/bank/response/11000000");
    expect(canonical("https://m.facebook.com/story.php?story_fbid=1&id=2")).toBe("https://facebook.com/story.php?id=2&story_fbid=1");
    expect(canonical("https://ru.m.wikipedia.org/wiki/Сбербанк")).toBe(`https://ru.wikipedia.org/wiki/${enc("Сбербанк")}`);
    // not whitelisted: m. and www. may be different sites
    expect(canonical("https://www.rbc.ru/")).toBe("https://www.rbc.ru/");
    expect(canonical("https://m.example.com/a")).toBe("https://m.example.com/a");
    expect(canonical("https://amp.example.com/a")).toBe("https://amp.example.com/a");
  });
});

describe("canonicalizeUrl: fragments and query", () => {
  it("strips fragments", () => {
    expect(canonical("https://habr.com/ru/articles/812345/#comment_1")).toBe("https://habr.com/ru/articles/812345");
    expect(canonical("https://example.com/#")).toBe("https://example.com/");
  });

  it("removes global tracking parameters", () => {
    expect(
      canonical(
        "https://shop.example.ru/item/42?utm_source=vk&utm_medium=cpc&UTM_Campaign=x&gclid=1&fbclid=2&yclid=3&_openstat=4&mc_cid=5&mc_eid=6&igshid=7&color=red",
      ),
    ).toBe("https://shop.example.ru/item/42?color=red");
  });

  it("removes per-domain tracking parameters only on their domain", () => {
    expect(canonical("https://x.com/durov?s=20&t=abc&ref_src=twsrc")).toBe("https://x.com/durov");
    expect(canonical("https://www.youtube.com/@channel/videos?si=abc&feature=shared")).toBe("https://youtube.com/@channel/videos");
    expect(canonical("https://www.google.com/maps/place/x?ct=1&cd=2&usg=3&hl=ru")).toBe("https://www.google.com/maps/place/x?hl=ru");
    // elsewhere s, t, si, feature are real parameters
    expect(canonical("https://example.com/search?t=1&s=bank&feature=x&si=2")).toBe("https://example.com/search?feature=x&s=bank&si=2&t=1");
  });

  it("sorts parameters, keeps the order of repeated ones and drops empty ones", () => {
    expect(canonical("https://example.com/p?b=2&a=1&tag=z&tag=a&empty=&flag")).toBe("https://example.com/p?a=1&b=2&tag=z&tag=a");
    expect(canonical("https://example.com/p?&&")).toBe("https://example.com/p");
  });

  it("keeps non-UTF-8 query bytes and Cyrillic values as they are", () => {
    expect(canonical("https://ya.ru/search?text=кафе")).toBe(`https://ya.ru/search?text=${enc("кафе")}`);
    expect(canonical("http://old.example.ru/find?q=%f1%e1%e5%f0")).toBe("http://old.example.ru/find?q=%F1%E1%E5%F0");
  });
});

describe("canonicalizeUrl: path", () => {
  it("removes the trailing slash except for the root", () => {
    expect(canonical("https://example.com/news/")).toBe("https://example.com/news");
    expect(canonical("https://example.com/")).toBe("https://example.com/");
    expect(canonical("https://example.com")).toBe("https://example.com/");
  });

  it("collapses doubled slashes", () => {
    expect(canonical("https://example.com//news///2024//item/")).toBe("https://example.com/news/2024/item");
    expect(canonical("https://example.com///")).toBe("https://example.com/");
  });

  it("decodes unreserved escapes, uppercases the others", () => {
    expect(canonical("https://example.com/%7Euser/%61bc%2d1%5F%2E?q=%7e%2f")).toBe("https://example.com/~user/abc-1_.?q=~%2F");
    expect(canonical("https://example.com/a%2fb")).toBe("https://example.com/a%2Fb");
  });

  it("keeps Cyrillic paths, percent-encoded", () => {
    expect(canonical("https://otzovik.com/reviews/сбербанк_россии/")).toBe(`https://otzovik.com/reviews/${enc("сбербанк_россии")}`);
    expect(canonical("https://пример.рф/отзывы/")).toBe(`https://xn--e1afmkfd.xn--p1ai/${enc("отзывы")}`);
    // already-encoded lowercase hex is the same path
    expect(canonical(`https://example.com/${enc("отзывы").toLowerCase()}`)).toBe(`https://example.com/${enc("отзывы")}`);
  });

  it("resolves dot segments that only appear after decoding", () => {
    expect(canonical("https://example.com/a/%2E%2E/b")).toBe("https://example.com/b");
  });
});

describe("canonicalizeUrl: X / Twitter", () => {
  const tweet = "https://x.com/tinkoff_bank/status/1791234567890123456";

  it("rewrites twitter.com, mobile.twitter.com, fxtwitter, vxtwitter to x.com, keyed on the id", () => {
    for (const url of [
      "https://twitter.com/Tinkoff_Bank/status/1791234567890123456?s=20&t=AbC",
      "https://mobile.twitter.com/tinkoff_bank/status/1791234567890123456",
      "https://www.twitter.com/tinkoff_bank/status/1791234567890123456/",
      "https://fxtwitter.com/tinkoff_bank/status/1791234567890123456",
      "https://vxtwitter.com/tinkoff_bank/status/1791234567890123456/photo/1",
      "https://x.com/tinkoff_bank/status/1791234567890123456?ref_src=twsrc%5Etfw",
      "http://twitter.com/#!/tinkoff_bank/status/1791234567890123456",
    ]) {
      expect(canon(url), url).toEqual({ canonical: tweet, key: "x:1791234567890123456" });
    }
  });

  it("keys a tweet on its id even when the handle differs", () => {
    expect(key("https://x.com/i/web/status/1791234567890123456")).toBe("x:1791234567890123456");
    expect(canonical("https://x.com/i/web/status/1791234567890123456")).toBe("https://x.com/i/web/status/1791234567890123456");
  });

  it("moves profiles to x.com without a platform key", () => {
    expect(canon("https://twitter.com/tinkoff_bank")).toEqual({ canonical: "https://x.com/tinkoff_bank", key: "https://x.com/tinkoff_bank" });
  });
});

describe("canonicalizeUrl: YouTube", () => {
  const watch = "https://youtube.com/watch?v=dQw4w9WgXcQ";

  it("rewrites youtu.be, /shorts/, /embed/, m.youtube.com to watch?v=", () => {
    for (const url of [
      "https://youtu.be/dQw4w9WgXcQ?si=AbCdEf",
      "https://www.youtube.com/shorts/dQw4w9WgXcQ",
      "https://m.youtube.com/watch?v=dQw4w9WgXcQ&feature=share",
      "https://www.youtube.com/watch?feature=youtu.be&v=dQw4w9WgXcQ&t=42s&list=PL1",
      "https://www.youtube.com/embed/dQw4w9WgXcQ",
      "https://www.youtube.com/live/dQw4w9WgXcQ",
    ]) {
      expect(canon(url), url).toEqual({ canonical: watch, key: "youtube:dQw4w9WgXcQ" });
    }
  });

  it("keeps lc, a comment under the video", () => {
    expect(canon("https://www.youtube.com/watch?v=dQw4w9WgXcQ&lc=UgzAbC123.9xYz")).toEqual({
      canonical: "https://youtube.com/watch?v=dQw4w9WgXcQ&lc=UgzAbC123.9xYz",
      key: "youtube:dQw4w9WgXcQ:lc:UgzAbC123.9xYz",
    });
  });

  it("leaves channel pages and malformed ids to the generic rules", () => {
    expect(canon("https://www.youtube.com/@sberbank/")).toEqual({ canonical: "https://youtube.com/@sberbank", key: "https://youtube.com/@sberbank" });
    expect(canonical("https://youtu.be/short")).toBe("https://youtu.be/short");
  });
});

describe("canonicalizeUrl: Reddit", () => {
  const post = { canonical: "https://www.reddit.com/comments/1cwx2yz", key: "reddit:1cwx2yz" };

  it("rewrites old./np./new./www. reddit and redd.it to www.reddit.com/comments/<id>", () => {
    for (const url of [
      "https://www.reddit.com/r/russia/comments/1cwx2yz/bank_x_blocked_my_card/",
      "https://old.reddit.com/r/russia/comments/1cwx2yz/bank_x_blocked_my_card/?utm_source=share",
      "https://np.reddit.com/r/russia/comments/1cwx2yz/",
      "https://new.reddit.com/r/russia/comments/1cwx2yz",
      "https://reddit.com/comments/1cwx2yz",
      "https://redd.it/1cwx2yz",
      "https://www.reddit.com/user/someone/comments/1cwx2yz/title/",
    ]) {
      expect(canon(url), url).toEqual(post);
    }
  });

  it("keeps a comment permalink apart from its post", () => {
    const comment = { canonical: "https://www.reddit.com/comments/1cwx2yz/comment/l4xyz12", key: "reddit:1cwx2yz/l4xyz12" };
    expect(canon("https://www.reddit.com/r/russia/comments/1cwx2yz/bank_x_blocked_my_card/l4xyz12/")).toEqual(comment);
    expect(canon("https://www.reddit.com/r/russia/comments/1cwx2yz/comment/l4xyz12/?context=3")).toEqual(comment);
  });

  it("puts other reddit pages on www.reddit.com", () => {
    expect(canonical("https://old.reddit.com/r/russia/")).toBe("https://www.reddit.com/r/russia");
  });
});

describe("canonicalizeUrl: VK", () => {
  it("rewrites m.vk.com, vk.ru and ?w= to vk.com/wall<owner>_<id>", () => {
    const wall = { canonical: "https://vk.com/wall-12345_678", key: "vk:wall-12345_678" };
    for (const url of [
      "https://vk.com/wall-12345_678",
      "https://m.vk.com/wall-12345_678?from=groups",
      "https://vk.ru/wall-12345_678",
      "https://www.vk.com/wall-12345_678/",
      "https://vk.com/club12345?w=wall-12345_678",
    ]) {
      expect(canon(url), url).toEqual(wall);
    }
    expect(key("https://vk.com/wall98765_43")).toBe("vk:wall98765_43");
  });

  it("moves other pages to vk.com without a platform key", () => {
    expect(canon("https://m.vk.ru/sberbank")).toEqual({ canonical: "https://vk.com/sberbank", key: "https://vk.com/sberbank" });
  });
});

describe("canonicalizeUrl: Telegram", () => {
  it("rewrites t.me/s/, telegram.me and channel case to t.me/<ch>/<id>", () => {
    const post = { canonical: "https://t.me/rbc_news/91234", key: "tg:rbc_news/91234" };
    for (const url of [
      "https://t.me/rbc_news/91234",
      "https://t.me/s/rbc_news/91234",
      "https://telegram.me/RBC_News/91234?single",
      "https://t.me/rbc_news/91234?embed=1#x",
    ]) {
      expect(canon(url), url).toEqual(post);
    }
  });

  it("handles private channel posts and channel pages", () => {
    expect(canon("https://t.me/c/1234567890/55")).toEqual({ canonical: "https://t.me/c/1234567890/55", key: "tg:c/1234567890/55" });
    expect(canonical("https://t.me/s/RBC_News")).toBe("https://t.me/rbc_news");
  });
});

describe("canonicalizeUrl: Hacker News", () => {
  it("keys items on their id", () => {
    expect(canon("https://news.ycombinator.com/item?id=40412345&p=2#40412999")).toEqual({
      canonical: "https://news.ycombinator.com/item?id=40412345",
      key: "hn:40412345",
    });
    expect(canon("https://news.ycombinator.com/news")).toEqual({ canonical: "https://news.ycombinator.com/news", key: "https://news.ycombinator.com/news" });
  });
});

describe("canonicalizeUrl: Yandex Maps and 2GIS", () => {
  it("keys Yandex Maps organisations on the oid", () => {
    expect(key("https://yandex.ru/maps/org/sberbank/1124715036/reviews/?ll=37.6%2C55.7&z=16")).toBe("yandex-org:1124715036");
    expect(key("https://yandex.ru/maps/213/moscow/org/sberbank/1124715036/")).toBe("yandex-org:1124715036");
    expect(key("https://yandex.com/maps/org/1124715036")).toBe("yandex-org:1124715036");
    expect(key("https://yandex.ru/maps/?ol=biz&oid=1124715036")).toBe("yandex-org:1124715036");
    expect(canonical("https://yandex.ru/maps/org/sberbank/1124715036/reviews/")).toBe("https://yandex.ru/maps/org/sberbank/1124715036/reviews");
    expect(key("https://yandex.ru/maps/213/moscow/")).toBe("https://yandex.ru/maps/213/moscow");
  });

  it("keys 2GIS firms on the firm id", () => {
    expect(key("https://2gis.ru/moscow/firm/4504127908731000/tab/reviews")).toBe("2gis-firm:4504127908731000");
    expect(key("https://2gis.kz/almaty/firm/70000001023456789")).toBe("2gis-firm:70000001023456789");
    expect(key("https://m.2gis.ru/moscow/firm/4504127908731000")).toBe("2gis-firm:4504127908731000");
    expect(key("https://2gis.ru/moscow/search/кафе")).toBe(`https://2gis.ru/moscow/search/${enc("кафе")}`);
  });
});

describe("canonicalizeUrl: idempotence", () => {
  it("is stable on every URL used above", () => {
    expect(seen.length).toBeGreaterThan(80);
    for (const url of seen) {
      const once = canonicalizeUrl(url);
      if (!once) continue;
      expect(canonicalizeUrl(once.canonical), url).toEqual(once);
    }
  });

  it("for any generated http(s) URL: undefined or a parseable, stable canonical form", () => {
    const hostArb = fc.oneof(
      fc.domain(),
      fc.constantFrom(
        "twitter.com",
        "mobile.twitter.com",
        "x.com",
        "youtu.be",
        "m.youtube.com",
        "old.reddit.com",
        "redd.it",
        "m.vk.com",
        "vk.ru",
        "t.me",
        "telegram.me",
        "news.ycombinator.com",
        "yandex.ru",
        "2gis.ru",
        "www.google.com",
        "пример.рф",
        "ru.m.wikipedia.org",
      ),
    );
    const pieceArb = fc.string({ unit: fc.constantFrom(..."aZ09-._~!$&'()*+,;=:@/%?#[] яё".split(""), "%2E", "%2F", "%7e", "%ff", "status", "comments", "wall-1_2", "s"), maxLength: 12 });
    const builtArb = fc
      .tuple(fc.constantFrom("http", "https", "HTTPS"), hostArb, fc.array(pieceArb, { maxLength: 5 }), fc.array(fc.tuple(pieceArb, pieceArb), { maxLength: 4 }), pieceArb)
      .map(([scheme, host, path, query, hash]) => `${scheme}://${host}/${path.join("/")}?${query.map(([k, v]) => `${k}=${v}`).join("&")}#${hash}`);
    const urlArb = fc.oneof(fc.webUrl({ withQueryParameters: true, withFragments: true }), builtArb);

    fc.assert(
      fc.property(urlArb, (url) => {
        const once = canonicalizeUrl(url);
        if (once === undefined) return;
        expect(() => new URL(once.canonical)).not.toThrow();
        expect(canonicalizeUrl(once.canonical)).toEqual(once);
      }),
      { numRuns: 3000 },
    );
  });
});
