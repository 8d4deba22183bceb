/** English messages of the mentions feature; merged into the main dictionary. */
export const mentionsEn = {} as const satisfies Record<string, string>;
