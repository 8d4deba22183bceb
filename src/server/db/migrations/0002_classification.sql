CREATE TABLE "brand_classifiers" (
	"brand_id" uuid PRIMARY KEY NOT NULL,
	"adaptation" "bytea",
	"base_model" text,
	"corrections" integer DEFAULT 0 NOT NULL,
	"provider" jsonb,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "mention_labels" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"brand_id" uuid NOT NULL,
	"mention_id" uuid NOT NULL,
	"field" text NOT NULL,
	"machine_value" text,
	"machine_confidence" real,
	"machine_model" text,
	"value" text NOT NULL,
	"labelled_by" uuid,
	"labelled_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "mentions" ADD COLUMN "negative_type" text;--> statement-breakpoint
ALTER TABLE "mentions" ADD COLUMN "negative_type_confidence" real;--> statement-breakpoint
ALTER TABLE "mentions" ADD COLUMN "negative_type_origin" text;--> statement-breakpoint
ALTER TABLE "mentions" ADD COLUMN "negative_type_by" uuid;--> statement-breakpoint
ALTER TABLE "mentions" ADD COLUMN "negative_type_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "mentions" ADD COLUMN "aspects" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "brand_classifiers" ADD CONSTRAINT "brand_classifiers_brand_id_brands_id_fk" FOREIGN KEY ("brand_id") REFERENCES "public"."brands"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mention_labels" ADD CONSTRAINT "mention_labels_brand_id_brands_id_fk" FOREIGN KEY ("brand_id") REFERENCES "public"."brands"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mention_labels" ADD CONSTRAINT "mention_labels_mention_id_mentions_id_fk" FOREIGN KEY ("mention_id") REFERENCES "public"."mentions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mention_labels" ADD CONSTRAINT "mention_labels_labelled_by_users_id_fk" FOREIGN KEY ("labelled_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "mention_labels_brand_idx" ON "mention_labels" USING btree ("brand_id","field","labelled_at");--> statement-breakpoint
ALTER TABLE "mentions" ADD CONSTRAINT "mentions_negative_type_by_users_id_fk" FOREIGN KEY ("negative_type_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "mentions_review_queue_idx" ON "mentions" USING btree ("brand_id","sentiment_confidence","id") WHERE sentiment_origin in ('model', 'rating');