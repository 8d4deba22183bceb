import type { TExecutor } from "../../context.ts";
import type { TNegativeType, TSentiment } from "../../db/schema/monitoring.ts";
import { type TBrandAdaptation, applyCorrection, createAdaptation, decodeAdaptation, encodeAdaptation } from "./brand-adaptation.ts";
import { classifyNegativeType } from "./negative-type-classifier.ts";
import { type TLabelRow, insertLabels, lockBrandClassifier, mentionsForLabelling, saveBrandClassifier, setNegativeType, setSpecialistSentiment } from "./queries.ts";
import { type TClassifyInput, type TSentimentModel, loadSentimentModel } from "./sentiment-model.ts";

/**
 * A specialist confirms or corrects machine labels ("machine first, human confirms"):
 * - the mention gets the person's label, who and when (origin `specialist`, which later edits
 *   and re-classification leave alone);
 * - the machine's label, its confidence and model go to `mention_labels`, so the machine's
 *   accuracy on verified mentions can be shown over time;
 * - a sentiment label the model gave from the words (not from stars) is one online step of the
 *   brand's adjustment — no retraining, and the next mention of that brand is classified with it;
 * - a mention that stops being negative loses its type; one that becomes negative gets a
 *   machine type, which the person may then confirm or correct.
 * Runs in the caller's transaction (with the audit entry).
 */
export type TLabelChange =
  | { field: "sentiment"; value: TSentiment | "confirm" }
  | { field: "negative_type"; value: TNegativeType | "confirm" };

type TBy = { userId: string; at: Date };
type TMentionRow = Awaited<ReturnType<typeof mentionsForLabelling>>[number];

export async function labelMentions(
  tx: TExecutor,
  brandId: string,
  ids: readonly string[],
  change: TLabelChange,
  by: TBy,
  model: TSentimentModel = loadSentimentModel(),
): Promise<string[]> {
  const rows = await mentionsForLabelling(tx, brandId, ids);
  const labels: TLabelRow[] = [];
  const touched: string[] = [];
  const lessons: { input: TClassifyInput; label: TSentiment }[] = [];
  for (const row of rows) {
    if (change.field === "sentiment") {
      const label = change.value === "confirm" ? row.sentiment : change.value;
      if (!label) continue; // nothing to confirm
      const machine = row.sentimentOrigin === "model" || row.sentimentOrigin === "rating";
      labels.push(labelRow(brandId, row.id, "sentiment", machine ? row.sentiment : null, machine ? row.sentimentConfidence : null, machine ? row.sentimentModel : null, label, by));
      await setSpecialistSentiment(tx, row.id, label, by);
      await retypeForSentiment(tx, row, label);
      if (row.sentimentOrigin === "model") lessons.push({ input: inputOf(row), label });
      touched.push(row.id);
    } else {
      if (row.sentiment !== "negative") continue; // only negatives have a type
      const type = change.value === "confirm" ? row.negativeType : change.value;
      if (!type) continue;
      const machine = row.negativeTypeOrigin === "model";
      labels.push(labelRow(brandId, row.id, "negative_type", machine ? row.negativeType : null, machine ? row.negativeTypeConfidence : null, machine ? "cues" : null, type, by));
      await setNegativeType(tx, row.id, { type, confidence: 1, origin: "specialist", by: by.userId, at: by.at });
      touched.push(row.id);
    }
  }
  await insertLabels(tx, labels);
  if (lessons.length > 0) await teach(tx, brandId, lessons, model, by.at);
  return touched;
}

function labelRow(brandId: string, mentionId: string, field: TLabelRow["field"], machineValue: string | null, machineConfidence: number | null, machineModel: string | null, value: string, by: TBy): TLabelRow {
  return { brandId, mentionId, field, machineValue, machineConfidence, machineModel, value, labelledBy: by.userId, labelledAt: by.at };
}

function inputOf(row: TMentionRow): TClassifyInput {
  const rating = row.ratingValue !== null && row.ratingScale ? { value: row.ratingValue, scale: row.ratingScale } : null;
  return { text: [row.title, row.text, row.pros, row.cons].filter(Boolean).join("\n"), rating, lang: row.lang };
}

async function retypeForSentiment(tx: TExecutor, row: TMentionRow, label: TSentiment): Promise<void> {
  if (label !== "negative") {
    if (row.negativeType) await setNegativeType(tx, row.id, { type: null, confidence: null, origin: null, by: null, at: null });
    return;
  }
  if (row.negativeType) return;
  const rating = row.ratingValue !== null && row.ratingScale ? { value: row.ratingValue, scale: row.ratingScale } : null;
  const text = [row.text, row.pros, row.cons].filter(Boolean).join("\n");
  const result = classifyNegativeType({ text, title: row.title, rating, lang: row.lang, matchedGroups: row.matchedGroups });
  await setNegativeType(tx, row.id, { type: result.type, confidence: result.confidence, origin: "model", by: null, at: null });
}

/** One online step per lesson on the brand's adjustment, under the row's lock. */
async function teach(tx: TExecutor, brandId: string, lessons: readonly { input: TClassifyInput; label: TSentiment }[], model: TSentimentModel, at: Date): Promise<void> {
  const row = await lockBrandClassifier(tx, brandId);
  let adaptation: TBrandAdaptation =
    row?.adaptation && row.baseModel === model.version ? decodeAdaptation(row.adaptation) : createAdaptation(model);
  if (adaptation.bits !== model.header.features.bits) adaptation = createAdaptation(model);
  for (const { input, label } of lessons) applyCorrection(model, adaptation, input, label);
  await saveBrandClassifier(tx, brandId, { adaptation: encodeAdaptation(adaptation), baseModel: model.version, corrections: adaptation.corrections }, at);
}
