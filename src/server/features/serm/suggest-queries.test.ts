import { expect, it } from "vitest";
import { suggestQueries } from "./suggest-queries.ts";

it("suggests the usual reputation queries and key persons, leaving out what is tracked", () => {
  const suggestions = suggestQueries(" Northwind  Bank ", ["Иван Петров"], ["northwind bank", "Northwind Bank отзывы"]);
  const texts = suggestions.map((s) => s.text);
  expect(texts).toContain("Northwind Bank reviews");
  expect(texts).toContain("Northwind Bank обман");
  expect(texts).toContain("Northwind Bank работодатель");
  expect(texts).toContain("Иван Петров");
  expect(texts).toContain("Иван Петров Northwind Bank");
  expect(texts).not.toContain("Northwind Bank");
  expect(texts).not.toContain("Northwind Bank отзывы");
  expect(new Set(texts.map((t) => t.toLowerCase())).size).toBe(texts.length);
  expect(suggestions.find((s) => s.text === "Northwind Bank обман")?.kind).toBe("negative");
});
