import { describe, expect, it } from "vitest";
import { renderTemplate, unknownVariables } from "./template-text.ts";

describe("reply template text", () => {
  it("fills variables, uses fallbacks and reports what is missing", () => {
    const body = "Здравствуйте, {{ author_name | уважаемый клиент }}! Команда {{brand}} разберётся. {{site}}";
    expect(renderTemplate(body, { author_name: "Анна", brand: "Нортвинд", site: "banki.ru" })).toEqual({
      text: "Здравствуйте, Анна! Команда Нортвинд разберётся. banki.ru",
      missing: [],
    });
    expect(renderTemplate(body, { author_name: null, brand: "Нортвинд" })).toEqual({
      text: "Здравствуйте, уважаемый клиент! Команда Нортвинд разберётся. ",
      missing: ["site"],
    });
  });

  it("names unknown variables once; leaves them as written when rendering", () => {
    expect(unknownVariables("{{name}} {{brand}} {{ name }} {{phone|x}}")).toEqual(["name", "phone"]);
    expect(renderTemplate("Hi {{name}}", {}).text).toBe("Hi {{name}}");
  });

  it("does not treat values as templates", () => {
    expect(renderTemplate("{{author_name}} / {{brand}}", { author_name: "{{brand}}", brand: "B" }).text).toBe("{{brand}} / B");
  });
});
