/**
 * Which type of negative a mention is (see `negative-types.ts`): complaint, outburst, attack,
 * troll or employee. Meant for mentions already labelled negative; it does not judge polarity.
 *
 * How it decides — a transparent additive score per type, the highest wins:
 * - a prior of 1 for "complaint", so a negative text with nothing more specific is a complaint;
 * - weighted lexicon cues, Russian (`negative-type-cues-ru.ts`) and English
 *   (`negative-type-cues-en.ts`), matched word by word in the title and the text; every word is
 *   read by the lexicon of its own script, so mixed-language texts work and `lang` is only a hint
 *   kept for the interface. A cue of an attack, a troll or an outburst preceded by a negator
 *   ("они не мошенники", "not a scam") does not count. The same cue counts at most twice, the
 *   second time at half weight;
 * - context (`negative-type-context.ts`): concrete details (order numbers, dates, times, sums,
 *   durations) raise "complaint" and lower "troll"; exclamation marks, runs of "!!!", words in
 *   capitals, angry emoji and stretched letters raise "outburst"; mocking emoji raise "troll";
 *   a very short text leans troll, a long one complaint; the reader addressed as "вы/you" next to
 *   a troll cue raises "troll";
 * - metadata: the semantic-core group "employer" or the source "dreamjob" → employee; the group
 *   "competitors" and an author who mentioned the brand many times → attack; a star rating or a
 *   review platform → complaint rather than troll.
 * `confidence` is the softmax share of the winning score — a margin, not a calibrated
 * probability. `evidence` holds the spans that voted for the winner (cue = lexicon pattern or
 * `detail:*` / `style:*`), `signals` the metadata that did.
 *
 * Known limits: it reads words, not meaning — sarcasm without markers, a complaint phrased as an
 * insult, or an attack written as a calm story (no accusation words, no call to act) are
 * misread; one text cannot show coordination, which only a burst of similar texts reveals (the
 * caller can pass `authorMentionCount`, or check bursts elsewhere); Russian and English only.
 * Measured on the hand-written probes, see `negative-type-probes.test.ts`.
 */
import type { TSourceKind } from "../../connectors/connector.ts";
import { buildCueIndex, type TCueEntry, type TCueHit, type TCueLine, scanCues, splitWords } from "./aspects-cue-index.ts";
import { EN_NEGATIVE_TYPE_CUES } from "./negative-type-cues-en.ts";
import { RU_NEGATIVE_TYPE_CUES } from "./negative-type-cues-ru.ts";
import { type TSpan, textContext, type TTextContext } from "./negative-type-context.ts";
import { NEGATIVE_TYPE_IDS, type TNegativeTypeId } from "./negative-types.ts";
import type { TRating } from "./sentiment-model.ts";

export type TNegativeTypeInput = {
  text: string;
  title?: string | null;
  rating?: TRating | null;
  /** ISO 639-1 hint; each word is read by the lexicon of its script, so this is informational. */
  lang?: string | null;
  /** How many mentions of this brand the same author has (this one included). */
  authorMentionCount?: number | null;
  sourceKind?: TSourceKind | null;
  /** Semantic-core groups whose rules matched ("brand", "employer", "competitors", …). */
  matchedGroups?: readonly string[] | null;
};

export type TNegativeTypeEvidence = { start: number; end: number; cue: string; field: "text" | "title" };

export type TNegativeTypeScores = Record<TNegativeTypeId, number>;

export type TNegativeTypeResult = {
  type: TNegativeTypeId;
  /** Softmax share of the winning score (0.2–1); a margin, not a calibrated probability. */
  confidence: number;
  /** Spans in `text` (or `title`, see `field`) that voted for `type`, in reading order. */
  evidence: TNegativeTypeEvidence[];
  /** Metadata that voted for `type` ("group:employer", "source:dreamjob", "author_mentions:12"). */
  signals: string[];
  scores: TNegativeTypeScores;
};

/** Types whose cues a preceding negator cancels. */
const NEGATABLE: Readonly<Record<TNegativeTypeId, boolean>> = {
  complaint: false,
  outburst: true,
  attack: true,
  troll: true,
  employee: false,
};

const INDEX = buildCueIndex(
  NEGATIVE_TYPE_IDS.flatMap((tag) => [
    { tag, lines: RU_NEGATIVE_TYPE_CUES[tag] as readonly TCueLine[], negatable: NEGATABLE[tag] },
    { tag, lines: EN_NEGATIVE_TYPE_CUES[tag] as readonly TCueLine[], negatable: NEGATABLE[tag] },
  ]),
);

const REVIEW_SOURCES: ReadonlySet<TSourceKind> = new Set<TSourceKind>([
  "banki_ru", "yandex_maps", "2gis", "flamp", "otzovik", "irecommend", "zoon", "google_maps", "app_store",
  "google_play", "trustpilot",
]);

/** The weights of the context features, in one place so the comment above stays true. */
const W = {
  prior: 1,
  detail: 0.7,
  detailAgainstTroll: 0.5,
  detailAgainstOutburst: 0.2,
  maxDetails: 3,
  exclamation: 0.25,
  maxExclamations: 8,
  exclamationRun: 0.5,
  maxRuns: 3,
  capsWord: 0.5,
  maxCapsWords: 4,
  shouting: 1.5,
  angryEmoji: 0.8,
  mockingEmoji: 0.9,
  maxEmoji: 2,
  stretched: 0.5,
  firstPerson: 0.2,
  maxFirstPerson: 3,
  firstPersonAgainstTroll: 0.4,
  addressedTroll: 0.6,
  short: 0.5,
  shortWords: 8,
  long: 0.5,
  longWords: 30,
  repeatedAuthor: 1,
  prolificAuthor: 2,
  employerGroup: 2.5,
  employerSource: 3,
  competitorsGroup: 1,
  reviewSource: 0.4,
  reviewAgainstTroll: 0.5,
  rated: 0.2,
  ratedAgainstTroll: 0.4,
} as const;

type TField = { field: "text" | "title"; hits: TCueHit<TNegativeTypeId>[]; context: TTextContext };
type TVotes = Record<TNegativeTypeId, TNegativeTypeEvidence[]>;

export function classifyNegativeType(input: TNegativeTypeInput): TNegativeTypeResult {
  const fields: TField[] = [];
  if (input.title && input.title.trim() !== "") fields.push(readField("title", input.title));
  fields.push(readField("text", input.text));

  const scores: TNegativeTypeScores = { complaint: W.prior, outburst: 0, attack: 0, troll: 0, employee: 0 };
  const votes: TVotes = { complaint: [], outburst: [], attack: [], troll: [], employee: [] };
  const signals: Record<TNegativeTypeId, string[]> = { complaint: [], outburst: [], attack: [], troll: [], employee: [] };

  // Lexicon cues: the same cue counts at most twice, the second time at half weight.
  const seen = new Map<TCueEntry<TNegativeTypeId>, number>();
  for (const { field, hits } of fields) {
    for (const hit of hits) {
      if (hit.negated) continue;
      const count = (seen.get(hit.entry) ?? 0) + 1;
      seen.set(hit.entry, count);
      if (count > 2) continue;
      scores[hit.entry.tag] += count === 1 ? hit.entry.weight : hit.entry.weight / 2;
      votes[hit.entry.tag].push({ start: hit.start, end: hit.end, cue: hit.entry.cue, field });
    }
  }

  // Context, summed over the title and the text.
  let details = 0;
  let exclamations = 0;
  let runs = 0;
  let caps = 0;
  let angry = 0;
  let mocking = 0;
  let stretched = 0;
  let shouting = false;
  let firstPerson = 0;
  let secondPerson = 0;
  let words = 0;
  for (const { field, context: c } of fields) {
    details += c.details.length;
    exclamations += c.exclamations;
    runs += c.exclamationRuns.length;
    caps += c.capsWords.length;
    angry += c.angryEmoji.length;
    mocking += c.mockingEmoji.length;
    stretched += c.stretched.length;
    shouting ||= c.capsRatio > 0.5;
    firstPerson += c.firstPerson;
    secondPerson += c.secondPerson;
    words += c.words;
    addSpans(votes.complaint, field, c.details);
    addSpans(votes.outburst, field, c.exclamationRuns, c.capsWords, c.angryEmoji, c.stretched);
    addSpans(votes.troll, field, c.mockingEmoji);
  }
  const nDetails = Math.min(details, W.maxDetails);
  scores.complaint += W.detail * nDetails;
  scores.troll -= W.detailAgainstTroll * nDetails;
  scores.outburst -= W.detailAgainstOutburst * nDetails;
  scores.outburst += W.exclamation * Math.min(exclamations, W.maxExclamations);
  scores.outburst += W.exclamationRun * Math.min(runs, W.maxRuns);
  scores.outburst += W.capsWord * Math.min(caps, W.maxCapsWords);
  scores.outburst += W.angryEmoji * Math.min(angry, W.maxEmoji);
  if (stretched > 0) scores.outburst += W.stretched;
  if (shouting) scores.outburst += W.shouting;
  scores.troll += W.mockingEmoji * Math.min(mocking, W.maxEmoji);
  scores.complaint += W.firstPerson * Math.min(firstPerson, W.maxFirstPerson);
  if (firstPerson > 0) scores.troll -= W.firstPersonAgainstTroll;
  if (scores.troll > 0 && secondPerson > 0) scores.troll += W.addressedTroll;
  if (words > 0 && words <= W.shortWords) scores.troll += W.short;
  if (words > W.longWords) {
    scores.complaint += W.long;
    scores.troll -= W.long;
  }

  // Metadata.
  const mentions = input.authorMentionCount ?? 0;
  if (mentions >= 3) {
    scores.attack += mentions >= 10 ? W.prolificAuthor : W.repeatedAuthor;
    signals.attack.push(`author_mentions:${mentions}`);
  }
  const groups = input.matchedGroups ?? [];
  if (groups.includes("employer")) {
    scores.employee += W.employerGroup;
    signals.employee.push("group:employer");
  }
  if (groups.includes("competitors")) {
    scores.attack += W.competitorsGroup;
    signals.attack.push("group:competitors");
  }
  if (input.sourceKind === "dreamjob") {
    scores.employee += W.employerSource;
    signals.employee.push("source:dreamjob");
  } else if (input.sourceKind && REVIEW_SOURCES.has(input.sourceKind)) {
    scores.complaint += W.reviewSource;
    scores.troll -= W.reviewAgainstTroll;
    signals.complaint.push(`source:${input.sourceKind}`);
  }
  if (input.rating) {
    scores.complaint += W.rated;
    scores.troll -= W.ratedAgainstTroll;
    signals.complaint.push("rating");
  }

  // Ties go to the earlier type in NEGATIVE_TYPE_IDS (complaint first: the least drastic reading).
  let type: TNegativeTypeId = "complaint";
  for (const id of NEGATIVE_TYPE_IDS) if (scores[id] > scores[type]) type = id;
  let total = 0;
  for (const id of NEGATIVE_TYPE_IDS) total += Math.exp(scores[id] - scores[type]);

  return {
    type,
    confidence: 1 / total,
    evidence: readingOrder(votes[type]),
    signals: signals[type],
    scores,
  };
}

function addSpans(into: TNegativeTypeEvidence[], field: "text" | "title", ...lists: readonly TSpan[][]): void {
  for (const list of lists) for (const s of list) into.push({ start: s.start, end: s.end, cue: s.cue, field });
}

function readField(field: "text" | "title", text: string): TField {
  const words = splitWords(text);
  return { field, hits: scanCues(INDEX, words), context: textContext(text, words) };
}

/** Title first, then by position; a span inside an earlier one of the same field is dropped. */
function readingOrder(evidence: TNegativeTypeEvidence[]): TNegativeTypeEvidence[] {
  if (evidence.length < 2) return evidence;
  const sorted = evidence.sort(
    (a, b) => (a.field === b.field ? 0 : a.field === "title" ? -1 : 1) || a.start - b.start || b.end - a.end,
  );
  const out: TNegativeTypeEvidence[] = [];
  for (const e of sorted) {
    const last = out.at(-1);
    if (last && last.field === e.field && e.start >= last.start && e.end <= last.end) continue;
    out.push(e);
  }
  return out;
}
