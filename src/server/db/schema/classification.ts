import { sql } from "drizzle-orm";
import { customType, index, integer, jsonb, pgTable, real, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { brands, users } from "./accounts.ts";
import { mentions } from "./monitoring.ts";

const at = (name: string) => timestamp(name, { withTimezone: true });
const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => "bytea",
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value)),
});

export const LABEL_FIELDS = ["sentiment", "negative_type"] as const;
export type TLabelField = (typeof LABEL_FIELDS)[number];

/**
 * Every time a specialist confirms or corrects a machine label: what the machine said (and how
 * sure it was), what the person said, who and when. The per-brand adjustment learns from these,
 * and the machine's accuracy on verified mentions is computed from them.
 */
export const mentionLabels = pgTable(
  "mention_labels",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    brandId: uuid("brand_id")
      .notNull()
      .references(() => brands.id, { onDelete: "cascade" }),
    mentionId: uuid("mention_id")
      .notNull()
      .references(() => mentions.id, { onDelete: "cascade" }),
    field: text("field", { enum: LABEL_FIELDS }).notNull(),
    /** The machine's label before the person's (null when there was none, e.g. an imported label). */
    machineValue: text("machine_value"),
    machineConfidence: real("machine_confidence"),
    machineModel: text("machine_model"),
    value: text("value").notNull(),
    labelledBy: uuid("labelled_by").references(() => users.id, { onDelete: "set null" }),
    labelledAt: at("labelled_at").notNull().defaultNow(),
  },
  (t) => [index("mention_labels_brand_idx").on(t.brandId, t.field, t.labelledAt)],
);

/** Per-brand classification: the online adjustment learnt from corrections, and the optional provider. */
export const brandClassifiers = pgTable("brand_classifiers", {
  brandId: uuid("brand_id")
    .primaryKey()
    .references(() => brands.id, { onDelete: "cascade" }),
  /** Encoded TBrandAdaptation (features/classification/brand-adaptation.ts); null until the first correction. */
  adaptation: bytea("adaptation"),
  /** The built-in model version the adjustment was learnt on top of; another version starts afresh. */
  baseModel: text("base_model"),
  corrections: integer("corrections").notNull().default(0),
  /** OpenAI-compatible provider settings (features/llm-provider); the key is stored, never shown back. */
  provider: jsonb("provider").$type<Record<string, unknown>>(),
  updatedAt: at("updated_at").notNull().default(sql`now()`),
});
