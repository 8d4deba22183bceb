CREATE TABLE "mention_bands" (
	"brand_id" uuid NOT NULL,
	"band" text NOT NULL,
	"mention_id" uuid NOT NULL,
	CONSTRAINT "mention_bands_brand_id_band_mention_id_pk" PRIMARY KEY("brand_id","band","mention_id")
);
--> statement-breakpoint
CREATE TABLE "mention_revisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"mention_id" uuid NOT NULL,
	"revision" integer NOT NULL,
	"title" text,
	"text" text NOT NULL,
	"rating_value" real,
	"content_hash" text NOT NULL,
	"source_updated_at" timestamp with time zone,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "mentions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"brand_id" uuid NOT NULL,
	"source_id" uuid,
	"origin" text NOT NULL,
	"source_kind" text NOT NULL,
	"external_id" text NOT NULL,
	"kind" text NOT NULL,
	"url" text NOT NULL,
	"url_key" text,
	"original_url" text,
	"site" text,
	"target" jsonb,
	"parent_external_id" text,
	"parent_url" text,
	"author_external_id" text,
	"author_name" text,
	"author_handle" text,
	"author_url" text,
	"author_is_owner" boolean DEFAULT false NOT NULL,
	"title" text,
	"text" text NOT NULL,
	"pros" text,
	"cons" text,
	"lang" text,
	"rating_value" real,
	"rating_scale" real,
	"published_at" timestamp with time zone NOT NULL,
	"source_updated_at" timestamp with time zone,
	"metrics" jsonb,
	"owner_reply" jsonb,
	"reply_capability" text NOT NULL,
	"reply_target" jsonb,
	"content_hash" text NOT NULL,
	"simhash" text,
	"cluster_id" uuid NOT NULL,
	"matched" boolean NOT NULL,
	"matched_groups" text[] DEFAULT '{}'::text[] NOT NULL,
	"matches" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"sentiment" text,
	"sentiment_confidence" real,
	"sentiment_origin" text,
	"sentiment_model" text,
	"sentiment_by" uuid,
	"sentiment_at" timestamp with time zone,
	"status" text DEFAULT 'new' NOT NULL,
	"tags" text[] DEFAULT '{}'::text[] NOT NULL,
	"revision" integer DEFAULT 1 NOT NULL,
	"connector_version" text,
	"raw" jsonb,
	"first_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"changed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"search" "tsvector" GENERATED ALWAYS AS (to_tsvector('russian', coalesce(title, '') || ' ' || text) || to_tsvector('english', coalesce(title, '') || ' ' || text) || to_tsvector('simple', coalesce(title, '') || ' ' || text)) STORED NOT NULL
);
--> statement-breakpoint
CREATE TABLE "semantic_rules" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"brand_id" uuid NOT NULL,
	"group" text NOT NULL,
	"name" text NOT NULL,
	"query" text NOT NULL,
	"variants" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sources" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"brand_id" uuid NOT NULL,
	"connector" text NOT NULL,
	"name" text NOT NULL,
	"config" jsonb NOT NULL,
	"own_place" boolean NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"interval_minutes" integer NOT NULL,
	"rate_limit_per_minute" integer,
	"expected_item_minutes" integer,
	"cursor" text,
	"next_run_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_run_at" timestamp with time zone,
	"last_success_at" timestamp with time zone,
	"last_item_at" timestamp with time zone,
	"consecutive_failures" integer DEFAULT 0 NOT NULL,
	"retry_after" timestamp with time zone,
	"last_error" text,
	"last_error_kind" text,
	"items_collected" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "mention_bands" ADD CONSTRAINT "mention_bands_brand_id_brands_id_fk" FOREIGN KEY ("brand_id") REFERENCES "public"."brands"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mention_bands" ADD CONSTRAINT "mention_bands_mention_id_mentions_id_fk" FOREIGN KEY ("mention_id") REFERENCES "public"."mentions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mention_revisions" ADD CONSTRAINT "mention_revisions_mention_id_mentions_id_fk" FOREIGN KEY ("mention_id") REFERENCES "public"."mentions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentions" ADD CONSTRAINT "mentions_brand_id_brands_id_fk" FOREIGN KEY ("brand_id") REFERENCES "public"."brands"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentions" ADD CONSTRAINT "mentions_source_id_sources_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."sources"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentions" ADD CONSTRAINT "mentions_sentiment_by_users_id_fk" FOREIGN KEY ("sentiment_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "semantic_rules" ADD CONSTRAINT "semantic_rules_brand_id_brands_id_fk" FOREIGN KEY ("brand_id") REFERENCES "public"."brands"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sources" ADD CONSTRAINT "sources_brand_id_brands_id_fk" FOREIGN KEY ("brand_id") REFERENCES "public"."brands"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "mention_revisions_uq" ON "mention_revisions" USING btree ("mention_id","revision");--> statement-breakpoint
CREATE UNIQUE INDEX "mentions_identity_uq" ON "mentions" USING btree ("brand_id","source_kind","external_id");--> statement-breakpoint
CREATE INDEX "mentions_brand_published_idx" ON "mentions" USING btree ("brand_id","published_at" DESC NULLS LAST,"id");--> statement-breakpoint
CREATE INDEX "mentions_brand_url_key_idx" ON "mentions" USING btree ("brand_id","url_key");--> statement-breakpoint
CREATE INDEX "mentions_brand_hash_idx" ON "mentions" USING btree ("brand_id","content_hash");--> statement-breakpoint
CREATE INDEX "mentions_cluster_idx" ON "mentions" USING btree ("cluster_id");--> statement-breakpoint
CREATE INDEX "mentions_search_idx" ON "mentions" USING gin ("search");--> statement-breakpoint
CREATE INDEX "semantic_rules_brand_idx" ON "semantic_rules" USING btree ("brand_id");--> statement-breakpoint
CREATE INDEX "sources_brand_idx" ON "sources" USING btree ("brand_id");--> statement-breakpoint
CREATE INDEX "sources_due_idx" ON "sources" USING btree ("status","next_run_at");