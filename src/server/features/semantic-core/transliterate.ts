/**
 * Practical transliteration as brands and people actually write it, not a reversible standard:
 * Сбербанк → Sberbank, Тинькофф → Tinkoff, and back Sberbank → Сбербанк. Each direction has a
 * primary spelling and optional alternatives (`kh`/`h`, `ya`/`ia`, `shch`/`sch`, …) that
 * `transliterations` combines into a short list.
 */

export type TCyrillicOption = "h" | "c" | "sch" | "ia" | "i" | "yo" | "x" | "y";
export type TLatinOption = "g" | "i" | "k" | "ye";

const CYRILLIC_PRIMARY: Record<string, string> = {
  а: "a", б: "b", в: "v", г: "g", д: "d", е: "e", ё: "e", ж: "zh", з: "z", и: "i", й: "y", к: "k", л: "l", м: "m",
  н: "n", о: "o", п: "p", р: "r", с: "s", т: "t", у: "u", ф: "f", х: "kh", ц: "ts", ч: "ch", ш: "sh", щ: "shch",
  ъ: "", ы: "y", ь: "", э: "e", ю: "yu", я: "ya",
};

/** One spelling change per option: х → h, ц → c, щ → sch, я/ю → ia/iu, й → i, ё → yo, кс → x, -ий/-ый → y. */
const CYRILLIC_OPTIONS: Record<TCyrillicOption, Record<string, string>> = {
  h: { х: "h" },
  c: { ц: "c" },
  sch: { щ: "sch" },
  ia: { я: "ia", ю: "iu" },
  i: { й: "i" },
  yo: { ё: "yo" },
  x: { кс: "x" },
  // "#" marks a word ending.
  y: { "ий#": "y", "ый#": "y" },
};

const LATIN_PRIMARY: Record<string, string> = {
  shch: "щ", sch: "щ", zh: "ж", kh: "х", ts: "ц", ch: "ч", sh: "ш", yu: "ю", ya: "я", ju: "ю", ja: "я",
  ck: "к", ph: "ф", th: "т", ee: "и", oo: "у",
  a: "а", b: "б", d: "д", e: "е", f: "ф", g: "г", h: "х", i: "и", j: "дж", k: "к", l: "л", m: "м", n: "н", o: "о",
  p: "п", q: "к", r: "р", s: "с", t: "т", u: "у", v: "в", w: "в", x: "кс", z: "з",
};

/** Alternatives Latin → Cyrillic: h → г (Hyundai), j → й, c always к, word-initial e → е instead of э. */
const LATIN_OPTIONS: Record<TLatinOption, Record<string, string>> = {
  g: { h: "г" },
  i: { j: "й" },
  k: { "c+": "к" },
  ye: { "#e": "е" },
};

const VOWELS = new Set([..."aeiouy"]);

/** One replacement: `length` source letters became `text`; case is restored per piece. */
type TPiece = { length: number; text: string };

export function cyrillicToLatin(text: string, options: readonly TCyrillicOption[] = []): string {
  const rules: Record<string, string> = { ...CYRILLIC_PRIMARY };
  for (const option of options) Object.assign(rules, CYRILLIC_OPTIONS[option]);
  return mapWords(text, (word) => {
    const pieces: TPiece[] = [];
    for (let i = 0; i < word.length; ) {
      const rest = word.slice(i);
      const ending = rules[`${rest}#`];
      if (ending !== undefined) {
        pieces.push({ length: rest.length, text: ending });
        break;
      }
      const pair = rules[rest.slice(0, 2)];
      if (rest.length >= 2 && pair !== undefined) {
        pieces.push({ length: 2, text: pair });
        i += 2;
        continue;
      }
      const char = word.charAt(i);
      pieces.push({ length: 1, text: rules[char] ?? char });
      i++;
    }
    return pieces;
  });
}

export function latinToCyrillic(text: string, options: readonly TLatinOption[] = []): string {
  const rules: Record<string, string> = { ...LATIN_PRIMARY };
  for (const option of options) Object.assign(rules, LATIN_OPTIONS[option]);
  return mapWords(text, (word) => {
    const pieces: TPiece[] = [];
    for (let i = 0; i < word.length; ) {
      const char = word.charAt(i);
      const next = word.charAt(i + 1);
      let piece: TPiece;
      if (i === 0 && char === "e") {
        piece = { length: 1, text: rules["#e"] ?? "э" };
      } else if (char === "c" && next !== "h" && next !== "k") {
        // Before e, i, y a c sounds like ц (Citibank → Ситибанк).
        piece = { length: 1, text: rules["c+"] ?? ("eiy".includes(next) && next !== "" ? "ц" : "к") };
      } else if (char === "y" && next !== "a" && next !== "u") {
        // y after a consonant reads as и (Sony → Сони), elsewhere as й (Toyota → Тойота).
        piece = { length: 1, text: i > 0 && !VOWELS.has(word.charAt(i - 1)) ? "и" : "й" };
      } else if (char === "i" && VOWELS.has(word.charAt(i - 1)) && !VOWELS.has(next)) {
        // A closing i after a vowel is й: Hyundai → Хюндай.
        piece = { length: 1, text: "й" };
      } else {
        const length = [4, 3, 2].find((n) => i + n <= word.length && rules[word.slice(i, i + n)] !== undefined) ?? 1;
        const source = word.slice(i, i + length);
        piece = { length, text: rules[source] ?? source };
      }
      pieces.push(piece);
      i += piece.length;
    }
    return pieces;
  });
}

/**
 * Converts each word in lowercase and restores its case: an all-caps word (МТС → MTS) stays all
 * caps, otherwise a capital letter capitalizes the first letter of its replacement (Щука → Shchuka).
 */
function mapWords(text: string, convert: (lowerWord: string) => TPiece[]): string {
  return text.replace(/\p{L}+/gu, (word) => {
    const lower = word.toLowerCase();
    const pieces = convert(lower);
    if (word.length > 1 && word === word.toUpperCase() && lower !== word)
      return pieces.map((piece) => piece.text).join("").toUpperCase();
    let out = "";
    let at = 0;
    for (const piece of pieces) {
      const capital = word.charAt(at) !== lower.charAt(at);
      out += capital ? piece.text.charAt(0).toUpperCase() + piece.text.slice(1) : piece.text;
      at += piece.length;
    }
    return out;
  });
}
