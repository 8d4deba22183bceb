CREATE TABLE "blobs" (
	"brand_id" uuid NOT NULL,
	"hash" text NOT NULL,
	"mime" text NOT NULL,
	"size" integer NOT NULL,
	"bytes" "bytea" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "blobs_brand_id_hash_pk" PRIMARY KEY("brand_id","hash")
);
--> statement-breakpoint
ALTER TABLE "blobs" ADD CONSTRAINT "blobs_brand_id_brands_id_fk" FOREIGN KEY ("brand_id") REFERENCES "public"."brands"("id") ON DELETE cascade ON UPDATE no action;