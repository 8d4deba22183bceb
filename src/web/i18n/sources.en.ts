/** English messages of the sources feature; merged into the main dictionary. */
export const sourcesEn = {} as const satisfies Record<string, string>;
