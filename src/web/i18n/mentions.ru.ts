import type { mentionsEn } from "./mentions.en.ts";

/** Russian messages of the mentions feature: every key of the English ones. */
export const mentionsRu: Record<keyof typeof mentionsEn, string> = {};
