import { describe, expect, it } from "vitest";
import { pageHasText } from "./page-has-text.ts";

const answer = "Здравствуйте, Анна!\nПриносим извинения — деньги вернём в течение 3 дней. Пишите «в личку».";

describe("finding the approved answer on a page", () => {
  it("finds it across markup, entities, line breaks and typographic marks", () => {
    const html = `<html><body><div class="answer"><p>Здравствуйте,&nbsp;Анна!</p><p>Приносим извинения -
      деньги <b>вернём</b> в течение 3&#160;дней. Пишите "в личку".</p></div><script>var x = 1;</script></body></html>`;
    expect(pageHasText(html, true, answer)).toBe(true);
  });

  it("does not find an edited or partial text", () => {
    expect(pageHasText("<p>Здравствуйте, Анна! Приносим извинения.</p>", true, answer)).toBe(false);
    expect(pageHasText("<p>Здравствуйте, анна! Приносим извинения — деньги вернём в течение 3 дней. Пишите «в личку».</p>", true, answer)).toBe(false);
    expect(pageHasText("anything", false, "   ")).toBe(false);
  });

  it("reads plain text as is", () => {
    expect(pageHasText("prefix  Здравствуйте, Анна!   Приносим извинения — деньги вернём в течение 3 дней. Пишите «в личку». suffix", false, answer)).toBe(true);
  });
});
