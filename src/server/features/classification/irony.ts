/**
 * Irony markers. A linear bag-of-n-grams model reads "ну ваще молодцы конечно!" or
 * `спасибо, очень "помогли"` as praise: the words are positive. These markers, when the model's
 * reading is positive, turn it negative (see `sentiment-model.ts`). The patterns are
 * deliberately narrow: each is a phrase that in complaints is irony far more often than not;
 * the eval script reports the corpora with the rule on and off so it can be checked not to hurt.
 */

// Folded text (lower-case, ё→е) is matched; \b does not work for Cyrillic, hence the lookarounds.
const B = "(?<![\\p{L}\\p{N}])";
const E = "(?![\\p{L}\\p{N}])";

const PATTERNS: readonly RegExp[] = [
  // ru
  `${B}ну\\s+(?:ваще|вообще|прям|просто|конечно|спасибо|да\\s+конечно)${E}.*${B}(?:молодц|спасибо|супер|отличн|класс|шикарн|прекрасн|здорово|браво|лучш|гениальн)`,
  `${B}(?:молодцы|молодец|браво|спасибо|отлично|супер|класс)[\\s,!]+(?:конечно|нечего сказать|ничего не скажешь)${E}`,
  `${B}(?:молодц\\p{L}*|браво|спасибо|отличн\\p{L}*|супер|класс|прекрасн\\p{L}*)\\p{L}*(?:,|\\s)+.*(?:нечего сказать|ничего не скажешь|очень смешно)`,
  `${B}ага[,!]?\\s+(?:конечно|щас|ну да)${E}`,
  `${B}ну[- ]ну${E}`,
  `${B}(?:спасибо|благодарю)(?:\\s+(?:огромное|большое))?[,!]?\\s+(?:что|за то,? что)\\s+(?:опять|снова|в очередной раз|даже не)`,
  `#(?:сарказм|ирония|sarcasm|irony)${E}`,
  // en
  `\\byeah,?\\s+right\\b`,
  `\\boh,?\\s+(?:great|wonderful|joy|perfect|fantastic|lovely|brilliant|goody)\\b`,
  `\\bjust\\s+(?:great|perfect|wonderful|brilliant|fantastic|what i needed)\\b`,
  `\\bthanks a lot\\b.*\\b(?:again|nothing|for making|for ruining|for breaking)\\b`,
  `\\bso much for\\b`,
  `\\b(?:gotta|got to|i just|don't you just) love (?:how|when|it when|the way)\\b`,
  `\\bwhat a (?:surprise|shock)\\b`,
  `\\bthank you (?:so much )?for (?:nothing|ruining|breaking|wasting)\\b`,
  `\\bgreat job\\b.*\\b(?:again|another|broke|broken|lost)\\b`,
  `(?:^|\\s)/s$`,
].map((source) => new RegExp(source, "iu"));

/** Quoted short spans: `"помогли"`, «качественный», "help". The inner text, folded. */
const QUOTED_RE = /(?:^|(?<=[\s(,]))["«“„](\p{L}[\p{L}\- ]{0,24}?)["»”](?=$|[\s.,!?;:)…])/gu;

export function fold(text: string): string {
  const lower = text.toLowerCase();
  return lower.includes("ё") ? lower.replaceAll("ё", "е") : lower;
}

/** Whether the text carries an irony phrase (not counting scare quotes). */
export function hasIronyPhrase(text: string): boolean {
  const folded = fold(text);
  for (const pattern of PATTERNS) if (pattern.test(folded)) return true;
  return false;
}

/**
 * Short spans in quotes (1–2 words starting with a lower-case letter), which may be scare
 * quotes: the caller scores them. Capitalized spans are names («МегаФон», "Loving") and skipped.
 */
export function quotedSpans(text: string): string[] {
  if (!/["«“„]/.test(text)) return [];
  const spans: string[] = [];
  for (const match of text.matchAll(QUOTED_RE)) {
    const inner = match[1] ?? "";
    const first = inner.charAt(0);
    if (first === first.toUpperCase() || inner.split(/\s+/).length > 2) continue;
    spans.push(inner);
  }
  return spans;
}
