import { describe, expect, it } from "vitest";
import { sanitizeDraft } from "./sanitize-draft.ts";

describe("sanitizeDraft", () => {
  it("strips fences, labels, wrapping quotes, emphasis and headings", () => {
    expect(sanitizeDraft("```text\nОтвет: «Здравствуйте! **Спасибо** за отзыв.»\n```", 500)).toEqual({ text: "Здравствуйте! Спасибо за отзыв.", truncated: false });
    expect(sanitizeDraft('"Hello, thanks for the review."', 500).text).toBe("Hello, thanks for the review.");
    expect(sanitizeDraft("## Reply\n\n\n\nThanks __a lot__.\r\n", 500).text).toBe("Reply\n\nThanks a lot.");
  });

  it("keeps quotes that are part of the text", () => {
    expect(sanitizeDraft("«Сбер» и «ВТБ» — разные банки.", 500).text).toBe("«Сбер» и «ВТБ» — разные банки.");
  });

  it("cuts at the last sentence end within the limit, else at a word with …", () => {
    expect(sanitizeDraft("One two three. Four five six seven.", 20)).toEqual({ text: "One two three.", truncated: true });
    const words = sanitizeDraft("Onetwothree fourfive sixseven eightnine", 30);
    expect(words).toEqual({ text: "Onetwothree fourfive sixseven…", truncated: true });
    expect(Array.from(words.text).length).toBeLessThanOrEqual(30);
  });

  it("counts characters, not UTF-16 units", () => {
    const emoji = "👍".repeat(10);
    expect(sanitizeDraft(emoji, 10)).toEqual({ text: emoji, truncated: false });
    expect(Array.from(sanitizeDraft(`${emoji} ${emoji}`, 12).text).length).toBeLessThanOrEqual(12);
  });

  it("a text cut mid-sentence by the model goes back to its last full sentence", () => {
    expect(sanitizeDraft("Первое предложение. Второе обор", 500, { cutMidSentence: true })).toEqual({ text: "Первое предложение.", truncated: true });
    expect(sanitizeDraft("Всё поместилось.", 500, { cutMidSentence: true })).toEqual({ text: "Всё поместилось.", truncated: false });
  });
});
