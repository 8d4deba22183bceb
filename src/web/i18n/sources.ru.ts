import type { sourcesEn } from "./sources.en.ts";

/** Russian messages of the sources feature: every key of the English ones. */
export const sourcesRu: Record<keyof typeof sourcesEn, string> = {};
