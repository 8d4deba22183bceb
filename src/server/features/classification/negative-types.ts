/**
 * The types of negative mention and the reaction recommended for each, as PRODUCT.md
 * ("Negative reviews") lists them: subjective complaint (apologise, offer a solution or
 * compensation), one-off angry outburst (calm the person, move to constructive talk), targeted
 * attack by competitors or a disgruntled party (react fast, neutralise), troll drive-by (usually
 * ignore). Negative from employees and ex-employees is its own category there (employer
 * reputation) without a stated reaction; the wording for it here is ours: answer as the employer,
 * not as customer care. `negative-type-classifier.ts` assigns one of these ids to a text.
 */

export const NEGATIVE_TYPE_IDS = ["complaint", "outburst", "attack", "troll", "employee"] as const;
export type TNegativeTypeId = (typeof NEGATIVE_TYPE_IDS)[number];

export type TLocalized = { en: string; ru: string };

export type TNegativeType = { id: TNegativeTypeId; title: TLocalized; reaction: TLocalized };

export const NEGATIVE_TYPES: readonly TNegativeType[] = [
  {
    id: "complaint",
    title: { en: "Subjective complaint", ru: "Субъективная жалоба" },
    reaction: {
      en: "Apologise and offer a solution or compensation.",
      ru: "Извиниться и предложить решение или компенсацию.",
    },
  },
  {
    id: "outburst",
    title: { en: "One-off angry outburst", ru: "Разовый эмоциональный выплеск" },
    reaction: {
      en: "Calm the person down and move the conversation to something constructive.",
      ru: "Успокоить человека и перевести разговор в конструктивное русло.",
    },
  },
  {
    id: "attack",
    title: { en: "Targeted attack", ru: "Целенаправленная атака" },
    reaction: {
      en: "React fast and neutralise: answer with facts, check for a wave of similar posts from new accounts.",
      ru: "Реагировать быстро и нейтрализовать: ответить фактами, проверить, нет ли волны похожих публикаций с новых аккаунтов.",
    },
  },
  {
    id: "troll",
    title: { en: "Troll drive-by", ru: "Троллинг" },
    reaction: {
      en: "Usually ignore.",
      ru: "Как правило, игнорировать.",
    },
  },
  {
    id: "employee",
    title: { en: "Employee or ex-employee review", ru: "Отзыв сотрудника или бывшего сотрудника" },
    reaction: {
      en: "Employer reputation: answer on behalf of the employer (HR), not customer care; address the facts calmly.",
      ru: "Репутация работодателя: отвечать от имени работодателя (HR), а не службы поддержки клиентов; спокойно по существу.",
    },
  },
];

export function negativeType(id: TNegativeTypeId): TNegativeType {
  const found = NEGATIVE_TYPES.find((t) => t.id === id);
  if (!found) throw new Error(`unknown negative type "${id}"`);
  return found;
}
