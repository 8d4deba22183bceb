import { load } from "cheerio";
import { z } from "zod";

/**
 * A field selector is CSS relative to the review element, optionally ending in `@attribute`
 * ("time@datetime", "a.permalink@href", "@data-id" for the review element itself). `:scope` (or
 * nothing before the `@`) is the review element.
 */
export type TFieldSelector = { css: string; attr?: string };

const WITH_ATTR = /^(.*?)\s*@([A-Za-z_][\w:.-]*)$/;
const probe = load("<div></div>");

export function parseFieldSelector(spec: string): TFieldSelector {
  const m = WITH_ATTR.exec(spec.trim());
  const css = (m ? (m[1] ?? "") : spec).trim();
  return { css: css === ":scope" ? "" : css, ...(m?.[2] ? { attr: m[2].toLowerCase() } : {}) };
}

/** Why a CSS selector cannot be used, or undefined when it can. */
export function selectorProblem(css: string): string | undefined {
  if (!css) return undefined;
  try {
    probe.root().find(css);
    return undefined;
  } catch (error) {
    return `\`${css}\` is not a valid CSS selector (${error instanceof Error ? error.message : String(error)})`;
  }
}

const itemSelector = z
  .string()
  .trim()
  .min(1, "item selector must not be empty")
  .superRefine((value, ctx) => {
    const problem = value.includes("@") && WITH_ATTR.test(value) ? "item selector picks elements; it takes no @attribute" : selectorProblem(value);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  });

const fieldSelector = z
  .string()
  .trim()
  .min(1, "selector must not be empty (use :scope for the review element itself)")
  .superRefine((value, ctx) => {
    const problem = selectorProblem(parseFieldSelector(value).css);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  });

export const webPageSelectorsSchema = z.strictObject({
  item: itemSelector,
  text: fieldSelector,
  author: fieldSelector.optional(),
  date: fieldSelector.optional(),
  rating: fieldSelector.optional(),
  link: fieldSelector.optional(),
  id: fieldSelector.optional(),
});

export type TWebPageSelectors = z.output<typeof webPageSelectorsSchema>;

export const webPageConfigSchema = z
  .strictObject({
    /** The page with the reviews or comments. */
    url: z.url({ protocol: /^https?$/, error: "url must be an http(s) page URL" }),
    /** auto: schema.org Review in JSON-LD or microdata; selector: the CSS selectors below. */
    mode: z.enum(["auto", "selector"]).default("auto"),
    selectors: webPageSelectorsSchema.optional(),
    /** Reviews of the brand's own place or product: kept whether or not they name the brand. */
    ownPlace: z.boolean().default(true),
  })
  .superRefine((config, ctx) => {
    if (config.mode === "selector" && !config.selectors) {
      ctx.addIssue({ code: "custom", path: ["selectors"], message: 'selectors (at least item and text) are required when mode is "selector"' });
    }
  });

export type TWebPageConfig = z.output<typeof webPageConfigSchema>;
