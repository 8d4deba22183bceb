/**
 * Reply templates are plain text with `{{variable}}` places, optionally with a fallback used
 * when the value is unknown: `Здравствуйте, {{author_name|уважаемый клиент}}!`. Unknown variable
 * names are refused when a template is saved; at render time a missing value without a fallback
 * becomes empty and is reported, so the person editing the draft sees what to fill in.
 */
export const TEMPLATE_VARIABLES = ["author_name", "brand", "case_link", "mention_link", "site"] as const;
export type TTemplateVariable = (typeof TEMPLATE_VARIABLES)[number];
export type TTemplateValues = Partial<Record<TTemplateVariable, string | null>>;

const PLACE = /\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*(?:\|([^{}]*))?\}\}/g;

const isVariable = (name: string): name is TTemplateVariable => (TEMPLATE_VARIABLES as readonly string[]).includes(name);

/** Names used in the template that are not variables, in order of appearance, each once. */
export function unknownVariables(body: string): string[] {
  const unknown = new Set<string>();
  for (const match of body.matchAll(PLACE)) {
    const name = match[1] ?? "";
    if (!isVariable(name)) unknown.add(name);
  }
  return [...unknown];
}

export function renderTemplate(body: string, values: TTemplateValues): { text: string; missing: TTemplateVariable[] } {
  const missing = new Set<TTemplateVariable>();
  const text = body.replace(PLACE, (whole, name: string, fallback: string | undefined) => {
    if (!isVariable(name)) return whole;
    const value = values[name]?.trim();
    if (value) return value;
    if (fallback !== undefined) return fallback.trim();
    missing.add(name);
    return "";
  });
  return { text, missing: [...missing] };
}
