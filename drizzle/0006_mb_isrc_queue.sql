CREATE TABLE "mb_isrc_queue" (
	"isrc" text PRIMARY KEY NOT NULL,
	"queued_at" timestamp with time zone DEFAULT now() NOT NULL,
	"claimed_by" text,
	"claimed_until" timestamp with time zone
);
--> statement-breakpoint
CREATE INDEX "mb_isrc_queue_queued" ON "mb_isrc_queue" USING btree ("queued_at");