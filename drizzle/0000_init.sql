CREATE TABLE "lookups" (
	"id" text PRIMARY KEY NOT NULL,
	"query" jsonb NOT NULL,
	"query_key" text NOT NULL,
	"result" text NOT NULL,
	"sources" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "mb_url_mappings" (
	"url" text PRIMARY KEY NOT NULL,
	"found" boolean NOT NULL,
	"relations" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"checked_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "provider_cache" (
	"provider" text NOT NULL,
	"lookup_key" text NOT NULL,
	"release_id" bigint,
	"error" jsonb,
	"fetched_at" timestamp with time zone,
	"lease_owner" text,
	"lease_until" timestamp with time zone,
	CONSTRAINT "provider_cache_provider_lookup_key_pk" PRIMARY KEY("provider","lookup_key")
);
--> statement-breakpoint
CREATE TABLE "provider_releases" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"provider" text NOT NULL,
	"lookup_key" text NOT NULL,
	"content_hash" text NOT NULL,
	"release" jsonb NOT NULL,
	"info" jsonb NOT NULL,
	"response_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"fetched_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "provider_responses" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"provider" text NOT NULL,
	"url" text NOT NULL,
	"status" integer NOT NULL,
	"content_type" text,
	"hash" text NOT NULL,
	"first_fetched_at" timestamp with time zone DEFAULT now() NOT NULL,
	"fetched_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "rate_budgets" (
	"name" text PRIMARY KEY NOT NULL,
	"next_at" timestamp with time zone NOT NULL,
	"waits" bigint DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "response_bodies" (
	"hash" text PRIMARY KEY NOT NULL,
	"body" text NOT NULL,
	"size" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "provider_cache" ADD CONSTRAINT "provider_cache_release_id_provider_releases_id_fk" FOREIGN KEY ("release_id") REFERENCES "public"."provider_releases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "provider_responses" ADD CONSTRAINT "provider_responses_hash_response_bodies_hash_fk" FOREIGN KEY ("hash") REFERENCES "public"."response_bodies"("hash") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "lookups_query_key" ON "lookups" USING btree ("query_key","created_at");--> statement-breakpoint
CREATE INDEX "mb_url_mappings_checked" ON "mb_url_mappings" USING btree ("checked_at");--> statement-breakpoint
CREATE UNIQUE INDEX "provider_releases_key_hash" ON "provider_releases" USING btree ("provider","lookup_key","content_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "provider_responses_url_hash" ON "provider_responses" USING btree ("url","hash");