import type { importEn } from "./import.en.ts";

/** Russian messages of the import feature: every key of the English ones. */
export const importRu: Record<keyof typeof importEn, string> = {};
