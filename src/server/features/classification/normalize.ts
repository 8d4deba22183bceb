/**
 * Text → tokens for the sentiment model. Everything here is deterministic and pure; the same text
 * always gives the same tokens (the model file stores no tokenizer state).
 *
 * Steps: lower-case and ё→е; links, @mentions, numbers masked; emoji and emoticons mapped to
 * polarity tokens; letters repeated three or more times squashed to two ("сууупер" → "суупер",
 * plus an `_elong_` token); short spans in scare quotes marked (`очень "помогли"`); then words
 * split out and the 1–3 words after a negator (`не`, `нет`, `not`, `n't`, `never` …) marked with
 * `¬` up to the next punctuation mark.
 */

/** Placeholder tokens start with "_" (no word contains it after normalization). */
export const TOKEN = {
  url: "_url_",
  user: "_user_",
  num: "_num_",
  emoPos: "_epos_",
  emoNeg: "_eneg_",
  emoLaugh: "_elaugh_",
  excl: "_excl_",
  quest: "_quest_",
  elong: "_elong_",
  quoted: "_quoted_",
  sarcasm: "_sarc_",
} as const;

export const NEGATED_PREFIX = "¬";

const URL_RE = /(?:\bhttps?:\/\/|\bwww\.)\S+|\b[a-z0-9-]+\.(?:com|ru|рф|org|net|ly|co|io|me)\/\S*/giu;
const MENTION_RE = /(?<![\p{L}\p{N}_])@[\p{L}\p{N}_.]+/gu;
const FORMAT_RE = /[\u00ad\u200b-\u200f\u2060\ufeff]/g;
const APOSTROPHE_RE = /[\u2019\u02bc`´]/g;
const NUMBER_RE = /\d+(?:[.,]\d+)*/g;
// A letter repeated 3+ times ("сууупер", "soooo"). Digits were masked before this runs.
const ELONGATED_RE = /(\p{L})\1{2,}/gu;
// Scare quotes: a short span (1–3 words, no sentence punctuation) between quotes.
const SCARE_QUOTE_RE = /(?:^|(?<=[\s(]))["«“„'](\p{L}[\p{L}\p{N}\- ]{0,30}?)["»”'](?=$|[\s.,!?;:)…])/gu;

// Emoticons, ASCII. Russian writers smile with bare brackets: ")))" and frown with "(((".
const EMOTICON_POS_RE = /(?<![\p{L}\p{N}])(?:[:;=]-?[)\]dpрз3*]+|xd+|хд+|\^_*\^|<3+)(?![\p{L}\p{N}])/giu;
const EMOTICON_NEG_RE = /(?<![\p{L}\p{N}])(?:[:;=]'?-?[(\[\/\\|]+|d-?:)(?![\p{L}\p{N}])/giu;
const BRACKETS_RE = /\)+|\(+/g;

const POSITIVE_EMOJI = new Set(
  [..."😀😃😄😁😆😊😇🙂😉😍🥰😘😗😙😚😋😛😜🤪😝🤗🤩👍👏🙌💪❤💕💖💗💓💞💝♥😻🎉🔥✨💯👌✌☺🥳😎🌹🌸💐🙏😌🤝🏆⭐🌟💙💚💛💜🧡🤍"],
);
const NEGATIVE_EMOJI = new Set(
  [..."😞😔😟😕🙁☹😣😖😫😩🥺😢😭😤😠😡🤬🤯😱😨😰😥😓👎💩🤮🤢😒🙄😑💔😾😿🤦🤷😬😪🖕⚠❌🤡"],
);
const LAUGH_EMOJI = new Set([..."😂🤣😹😅😆"]);
// Pictographs, so that every emoji gets its own token as well as its polarity group.
const EMOJI_RE = /\p{Extended_Pictographic}/gu;

export type TNormalized = {
  /** Tokens in order, negated ones prefixed with `¬`. */
  tokens: string[];
  /** Plain words (no placeholders, no negation marks) for character n-grams. */
  words: string[];
  /** Per word: whether it is in a negation scope. */
  negated: boolean[];
};

/**
 * The normalized string (lower-case, ё→е, masks and polarity tokens in place, spaces around
 * them); tokenized by `tokenize`. Exposed for tests.
 */
export function normalizeText(text: string): string {
  let s = text;
  // One scan for what the text contains, so the regular expressions below run only when they
  // can match (most mentions need two or three of them, not ten).
  let flags = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) {
      if (c >= 0x30 && c <= 0x39) flags |= HAS_DIGIT;
      else if (c === 0x40) flags |= HAS_AT;
      else if (c === 0x2f || c === 0x2e) flags |= HAS_SLASH_OR_DOT;
      else if (c === 0x22 || c === 0x27) flags |= HAS_QUOTE;
      else if (c === 0x3a || c === 0x3b || c === 0x3d || c === 0x5e || c === 0x3c) flags |= HAS_EMOTICON;
      else if ((c | 0x20) === 0x78 && (s.charCodeAt(i + 1) | 0x20) === 0x64) flags |= HAS_EMOTICON; // "xd"
      else if (c === 0x28 || c === 0x29) flags |= HAS_BRACKET;
    } else if (c === 0xab || c === 0x201c || c === 0x201e || c === 0x201d || c === 0xbb) flags |= HAS_QUOTE;
    else if ((c === 0x445 || c === 0x425) && (s.charCodeAt(i + 1) === 0x434 || s.charCodeAt(i + 1) === 0x414)) flags |= HAS_EMOTICON; // "хд"
    else if (c === 0xad || (c >= 0x200b && c <= 0x200f) || c === 0x2060 || c === 0xfeff) flags |= HAS_FORMAT;
    else if (c === 0x2019 || c === 0x2bc || c === 0x60 || c === 0xb4) flags |= HAS_APOSTROPHE;
    else if (c >= 0x2000 || c === 0xa9 || c === 0xae) flags |= HAS_SYMBOL; // emoji, ‼, ™, ©, ®
    // Case-insensitive for Latin and Cyrillic ("ОООчень"); a false hit only costs a regex run.
    if (i >= 2 && (c | 0x20) === (s.charCodeAt(i - 1) | 0x20) && (c | 0x20) === (s.charCodeAt(i - 2) | 0x20)) flags |= HAS_TRIPLE;
  }
  if (flags & HAS_FORMAT) s = s.replace(FORMAT_RE, "");
  s = s.toLowerCase();
  if (s.includes("ё")) s = s.replaceAll("ё", "е");
  if (flags & HAS_APOSTROPHE) s = s.replace(APOSTROPHE_RE, "'");
  if (flags & HAS_SLASH_OR_DOT) s = s.replace(URL_RE, ` ${TOKEN.url} `);
  if (flags & HAS_AT) s = s.replace(MENTION_RE, ` ${TOKEN.user} `);
  if (flags & HAS_DIGIT) s = s.replace(NUMBER_RE, ` ${TOKEN.num} `);
  if (flags & HAS_QUOTE) s = s.replace(SCARE_QUOTE_RE, (_m, inner: string) => ` ${TOKEN.quoted} ${inner} ${TOKEN.quoted} `);
  if (flags & HAS_EMOTICON) {
    s = s.replace(EMOTICON_POS_RE, ` ${TOKEN.emoPos} `);
    s = s.replace(EMOTICON_NEG_RE, ` ${TOKEN.emoNeg} `);
  }
  if (flags & HAS_BRACKET) s = s.replace(BRACKETS_RE, bracketRun);
  if (flags & HAS_SYMBOL) s = s.replace(EMOJI_RE, (e) => ` ${emojiToken(e)} `);
  if (flags & HAS_TRIPLE) s = s.replace(ELONGATED_RE, `$1$1${TOKEN.elong}`);
  return s;
}

const HAS_DIGIT = 1;
const HAS_AT = 2;
const HAS_SLASH_OR_DOT = 4;
const HAS_QUOTE = 8;
const HAS_EMOTICON = 16;
const HAS_BRACKET = 32;
const HAS_FORMAT = 64;
const HAS_APOSTROPHE = 128;
const HAS_SYMBOL = 256;
const HAS_TRIPLE = 512;

/**
 * ")))" smiles and "(((" frowns. A single bracket counts only when it is not part of a pair:
 * "(Reuters)" is punctuation, "ну вот)" a smile.
 */
function bracketRun(run: string, offset: number, s: string): string {
  const open = run.charCodeAt(0) === 0x28;
  if (run.length >= 2) return ` ${open ? TOKEN.emoNeg : TOKEN.emoPos} `;
  if (open) {
    const close = s.indexOf(")", offset + 1);
    return close < 0 ? ` ${TOKEN.emoNeg} ` : run;
  }
  const openBefore = s.lastIndexOf("(", offset - 1);
  return openBefore < 0 ? ` ${TOKEN.emoPos} ` : run;
}

function emojiToken(e: string): string {
  const code = (e.codePointAt(0) ?? 0).toString(16);
  const group = POSITIVE_EMOJI.has(e)
    ? TOKEN.emoPos
    : NEGATIVE_EMOJI.has(e)
      ? TOKEN.emoNeg
      : LAUGH_EMOJI.has(e)
        ? TOKEN.emoLaugh
        : "";
  return `${group} _e${code}_`;
}

const RU_NEGATORS = new Set(["не", "нет", "ни", "никогда", "ничего", "нельзя", "без", "ниче", "нифига", "нихрена", "ничуть"]);
const EN_NEGATORS = new Set([
  "not", "no", "never", "nothing", "nobody", "none", "nor", "neither", "without", "hardly", "barely",
  "dont", "cant", "wont", "isnt", "arent", "wasnt", "werent", "doesnt", "didnt", "couldnt", "shouldnt",
  "wouldnt", "aint", "havent", "hasnt", "hadnt", "nope",
]);

export function isNegator(token: string): boolean {
  return RU_NEGATORS.has(token) || EN_NEGATORS.has(token) || token.endsWith("n't");
}

/** How many words after a negator are marked, when no punctuation comes first. */
export const NEGATION_SCOPE = 3;

/**
 * Splits a normalized string (see `normalizeText`) into tokens and words, marking negation
 * scope. Punctuation (. , ; : ! ? and friends) ends a scope and emits `_excl_`/`_quest_` tokens
 * for ! and ?; other punctuation is dropped.
 */
export function tokenize(normalized: string, scope = NEGATION_SCOPE): TNormalized {
  const tokens: string[] = [];
  const words: string[] = [];
  const negated: boolean[] = [];
  let negLeft = 0;
  const n = normalized.length;
  let i = 0;
  let lastExcl = -2;
  let lastQuest = -2;
  while (i < n) {
    const c = normalized.charCodeAt(i);
    if (isWordCode(c) || c === 0x5f /* _ */) {
      const start = i;
      i++;
      while (i < n) {
        const d = normalized.charCodeAt(i);
        if (isWordCode(d) || d === 0x5f) i++;
        else if (d === 0x27 /* ' */ && i + 1 < n && isWordCode(normalized.charCodeAt(i + 1))) i++;
        else break;
      }
      const token = normalized.slice(start, i);
      if (token.charCodeAt(0) === 0x5f) {
        // A placeholder. "_elong_" is glued to the word before it; split it off.
        tokens.push(token);
        continue;
      }
      const elong = token.indexOf(TOKEN.elong);
      if (elong > 0) {
        const word = token.slice(0, elong) + token.slice(elong + TOKEN.elong.length).replaceAll(TOKEN.elong, "");
        pushWord(word);
        tokens.push(TOKEN.elong);
        continue;
      }
      pushWord(token);
      continue;
    }
    i++;
    if (c === 0x20) continue;
    if (c === 0x21 /* ! */) {
      negLeft = 0;
      if (lastExcl !== tokens.length) tokens.push(TOKEN.excl);
      lastExcl = tokens.length;
    } else if (c === 0x3f /* ? */) {
      negLeft = 0;
      if (lastQuest !== tokens.length) tokens.push(TOKEN.quest);
      lastQuest = tokens.length;
    } else if (isScopeBreak(c)) {
      negLeft = 0;
    }
  }
  return { tokens, words, negated };

  function pushWord(word: string): void {
    const w = word.includes("'") && !word.endsWith("n't") ? word.replaceAll("'", "") : word;
    words.push(w);
    if (isNegator(w)) {
      tokens.push(w);
      negated.push(false);
      negLeft = scope;
      return;
    }
    negated.push(negLeft > 0);
    if (negLeft > 0) {
      tokens.push(NEGATED_PREFIX + w);
      negLeft--;
    } else {
      tokens.push(w);
    }
  }
}

function isScopeBreak(c: number): boolean {
  // . , ; : … — – ( ) " « » and line breaks
  return (
    c === 0x2e || c === 0x2c || c === 0x3b || c === 0x3a || c === 0x2026 || c === 0x2014 || c === 0x2013 ||
    c === 0x28 || c === 0x29 || c === 0x22 || c === 0xab || c === 0xbb || c === 0x0a || c === 0x0d
  );
}

/** Letters and digits: ASCII, Latin-1/Extended, Cyrillic, and other letters via a small cache. */
function isWordCode(c: number): boolean {
  if (c < 0x80) return (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a);
  if (c >= 0x0400 && c <= 0x04ff) return true;
  if (c >= 0xc0 && c <= 0x24f) return c !== 0xd7 && c !== 0xf7;
  if (c >= 0xd800 && c <= 0xdfff) return false;
  let known = letterCache[c] ?? 0;
  if (known === 0) {
    known = /\p{L}|\p{M}/u.test(String.fromCharCode(c)) ? 1 : 2;
    letterCache[c] = known;
  }
  return known === 1;
}
const letterCache = new Uint8Array(0x10000);

/** Normalize and tokenize in one call. */
export function sentimentTokens(text: string, scope = NEGATION_SCOPE): TNormalized {
  return tokenize(normalizeText(text), scope);
}
