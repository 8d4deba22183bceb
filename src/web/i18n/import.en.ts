/** English messages of the import feature; merged into the main dictionary. */
export const importEn = {} as const satisfies Record<string, string>;
