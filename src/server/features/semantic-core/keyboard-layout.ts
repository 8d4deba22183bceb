/**
 * The standard Windows Russian (ЙЦУКЕН) and US (QWERTY) layouts, key by key, so text typed with
 * the wrong layout active can be reproduced: `Сбербанк` typed on QWERTY is `C,th,fyr`.
 */

// Each pair of strings lists the same physical keys, unshifted and shifted.
const KEYS: readonly (readonly [latin: string, cyrillic: string])[] = [
  ["`1234567890-=", "ё1234567890-="],
  ["qwertyuiop[]\\", "йцукенгшщзхъ\\"],
  ["asdfghjkl;'", "фывапролджэ"],
  ["zxcvbnm,./", "ячсмитьбю."],
  ["~!@#$%^&*()_+", 'Ё!"№;%:?*()_+'],
  ["QWERTYUIOP{}|", "ЙЦУКЕНГШЩЗХЪ/"],
  ['ASDFGHJKL:"', "ФЫВАПРОЛДЖЭ"],
  ["ZXCVBNM<>?", "ЯЧСМИТЬБЮ,"],
];

function keyMap(from: 0 | 1): Map<string, string> {
  const map = new Map<string, string>();
  for (const row of KEYS) {
    const source = row[from];
    const target = row[from === 0 ? 1 : 0];
    for (let i = 0; i < source.length; i++) {
      if (source[i] !== target[i]) map.set(source.charAt(i), target.charAt(i));
    }
  }
  return map;
}

const LATIN_TO_CYRILLIC = keyMap(0);
const CYRILLIC_TO_LATIN = keyMap(1);

/** What appears when `text` (written in Cyrillic) is typed with the QWERTY layout on. */
export function typedOnLatinLayout(text: string): string {
  return [...text].map((char) => CYRILLIC_TO_LATIN.get(char) ?? char).join("");
}

/** What appears when `text` (written in Latin) is typed with the ЙЦУКЕН layout on. */
export function typedOnCyrillicLayout(text: string): string {
  return [...text].map((char) => LATIN_TO_CYRILLIC.get(char) ?? char).join("");
}

/** Letter rows for adjacent-key typos; only letters, since a typo into punctuation is rarely searched for. */
const LETTER_ROWS = ["qwertyuiop", "asdfghjkl", "zxcvbnm", "йцукенгшщзхъ", "фывапролджэ", "ячсмитьбю"];

/** The letters left and right of `letter` on its own layout's row, in its case. */
export function neighbourKeys(letter: string): string[] {
  const lower = letter.toLowerCase();
  const upper = lower !== letter;
  for (const row of LETTER_ROWS) {
    const at = row.indexOf(lower);
    if (at === -1) continue;
    const around = [row.charAt(at - 1), row.charAt(at + 1)].filter((char) => char !== "");
    return upper ? around.map((char) => char.toUpperCase()) : around;
  }
  return [];
}
