import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { brandWindow } from "./brand-window.ts";
import { builtInClassifier } from "./classifier.ts";
import { hasIronyPhrase, quotedSpans } from "./irony.ts";
import { decodeModel } from "./model-file.ts";
import { DEFAULT_MODEL_PATH, isMostlyCyrillic, loadSentimentModel, ratingLabel, type TSentimentResult } from "./sentiment-model.ts";
import { syntheticModel, syntheticModelBytes } from "./test-model.ts";

const sum = (r: TSentimentResult) => r.scores.positive + r.scores.neutral + r.scores.negative;

describe("ratingLabel", () => {
  it.each([
    [1, 5, "negative"],
    [2, 5, "negative"],
    [3, 5, null],
    [4, 5, "positive"],
    [5, 5, "positive"],
    [0, 5, "negative"],
    [1, 10, "negative"],
    [3, 10, "negative"],
    [4, 10, null],
    [7, 10, null],
    [8, 10, "positive"],
    [10, 10, "positive"],
    [20, 100, "negative"],
    [50, 100, null],
    [90, 100, "positive"],
  ])("%d of %d → %s", (value, scale, label) => {
    expect(ratingLabel({ value, scale })).toBe(label);
  });

  it("ignores missing, out-of-range and malformed ratings", () => {
    expect(ratingLabel(null)).toBeNull();
    expect(ratingLabel(undefined)).toBeNull();
    expect(ratingLabel({ value: 6, scale: 5 })).toBeNull();
    expect(ratingLabel({ value: -1, scale: 5 })).toBeNull();
    expect(ratingLabel({ value: 1, scale: 1 })).toBeNull();
    expect(ratingLabel({ value: Number.NaN, scale: 5 })).toBeNull();
  });
});

describe("classify (synthetic weights)", () => {
  const model = syntheticModel();

  it("gives scores that sum to 1, a label that is the top score and a confidence equal to it", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), fc.option(fc.integer({ min: 0, max: 5 })), (text, stars) => {
        const result = model.classify({ text, rating: stars === null ? null : { value: stars, scale: 5 } });
        expect(sum(result)).toBeCloseTo(1, 9);
        const top = Math.max(result.scores.positive, result.scores.neutral, result.scores.negative);
        expect(result.confidence).toBe(top);
        expect(result.scores[result.label]).toBe(top);
        for (const v of Object.values(result.scores)) expect(v).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 300 },
    );
  });

  it("lets a 1–2 star rating make any text negative and 4–5 stars positive", () => {
    for (const text of ["Отличный ресторан, всем советую!", "Ужасно", "ok", ""]) {
      for (const value of [1, 2]) {
        const r = model.classify({ text, rating: { value, scale: 5 } });
        expect(r.label).toBe("negative");
        expect(r.confidence).toBeGreaterThanOrEqual(0.85);
        expect(sum(r)).toBeCloseTo(1, 9);
      }
      for (const value of [4, 5]) expect(model.classify({ text, rating: { value, scale: 5 } }).label).toBe("positive");
      expect(model.classify({ text, rating: { value: 9, scale: 10 } }).label).toBe("positive");
    }
  });

  it("leaves a middle rating to the words", () => {
    for (const text of ["Отличный ресторан", "Ужасно", "meh"]) {
      expect(model.classify({ text, rating: { value: 3, scale: 5 } })).toEqual(model.classify({ text }));
    }
  });

  it("is deterministic, also when other texts are classified in between (the feature buffer is reused)", () => {
    const text = "Не плохо, но @beeline опять без связи 😡 http://t.co/x";
    const first = model.classify({ text });
    model.classify({ text: "x".repeat(5000) });
    model.classify({ text: "совсем другой текст" });
    expect(model.classify({ text })).toEqual(first);
    expect(syntheticModel().classify({ text })).toEqual(first);
  });
});

describe("model file", () => {
  it("round-trips and hashes to a stable version", () => {
    const a = decodeModel(syntheticModelBytes(1));
    const b = decodeModel(syntheticModelBytes(1));
    expect(a.version).toBe(b.version);
    expect(decodeModel(syntheticModelBytes(2)).version).not.toBe(a.version);
    expect(a.weights.length).toBe(3 * 1024);
  });

  it("rejects a file that is not a model or is truncated", () => {
    expect(() => decodeModel(Buffer.from("hello world, not a model"))).toThrow(/not a Repute sentiment model/);
    const bytes = syntheticModelBytes();
    expect(() => decodeModel(bytes.subarray(0, bytes.length - 10))).toThrow(/expected/);
  });
});

describe("committed model", () => {
  it("loads once per process and classifies deterministically", () => {
    const model = loadSentimentModel();
    expect(loadSentimentModel(DEFAULT_MODEL_PATH)).toBe(model);
    const input = { text: "Сбер опять заблокировал карту, спасибо большое" };
    expect(model.classify(input)).toEqual(model.classify(input));
    expect(sum(model.classify(input))).toBeCloseTo(1, 9);
  });

  it("runs through the classifier interface in order", async () => {
    const model = loadSentimentModel();
    const classifier = builtInClassifier(model);
    expect(classifier.id).toBe("builtin");
    expect(classifier.version).toBe(model.version);
    const inputs = ["Ужасный банк, обманывают клиентов", "The new MacBook is fantastic, best laptop I've owned", "Отличный", "ok"].map((text) => ({ text }));
    const results = await classifier.classifyBatch(inputs);
    expect(results).toEqual(inputs.map((input) => model.classify(input)));
    expect(results[0]?.label).toBe("negative");
    expect(results[1]?.label).toBe("positive");
    expect(await classifier.classifyBatch([])).toEqual([]);
  });
});

describe("brand window", () => {
  it("keeps the clauses that name the brand, in any case form", () => {
    expect(brandWindow("Сбер отличный банк, а ВТБ ужасный", "ВТБ")).toBe("а ВТБ ужасный");
    expect(brandWindow("Сбер отличный банк, а ВТБ ужасный", "Сбер")).toBe("Сбер отличный банк");
    expect(brandWindow("В Сбербанке очереди. Зато в Райффайзене вежливо", "Райффайзен")).toBe("Зато в Райффайзене вежливо");
    expect(brandWindow("iPhone camera is amazing but the Pixel battery is awful", "pixel")).toBe("but the Pixel battery is awful");
  });

  it("returns the whole text when the brand is absent or everywhere", () => {
    expect(brandWindow("Сбер отличный банк, а ВТБ ужасный", "Альфа")).toBe("Сбер отличный банк, а ВТБ ужасный");
    expect(brandWindow("Сбер хорош. Сбер быстр.", "Сбер")).toBe("Сбер хорош. Сбер быстр.");
    expect(brandWindow("one clause only", "one")).toBe("one clause only");
  });

  it("does not match the brand inside another word", () => {
    expect(brandWindow("Лимтс закрылся. МТС работает", "МТС")).toBe("МТС работает");
    // A prefix is a match, for case endings: "МТСа", "Сбербанку".
    expect(brandWindow("Позвонил в МТСа. Билайн молчит", "МТС")).toBe("Позвонил в МТСа.");
  });
});

describe("irony markers", () => {
  it("finds the phrases and the quoted spans", () => {
    expect(hasIronyPhrase("ну ваще молодцы конечно!")).toBe(true);
    expect(hasIronyPhrase("Ну молодцы, нечего сказать")).toBe(true);
    expect(hasIronyPhrase("Oh great, another outage")).toBe(true);
    expect(hasIronyPhrase("Молодцы, быстро всё сделали")).toBe(false);
    expect(hasIronyPhrase("Great service, thanks")).toBe(false);
    expect(quotedSpans('спасибо, очень "помогли"')).toEqual(["помогли"]);
    expect(quotedSpans("за «качественное» обслуживание")).toEqual(["качественное"]);
    expect(quotedSpans('он сказал: "мы рассмотрим вашу заявку в течение пяти рабочих дней"')).toEqual([]);
  });

  it("detects the script", () => {
    expect(isMostlyCyrillic("Сбер норм, but app sucks")).toBe(false);
    expect(isMostlyCyrillic("Сбербанк отличный, app норм")).toBe(true);
  });
});
