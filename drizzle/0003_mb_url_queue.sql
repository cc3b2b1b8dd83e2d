CREATE TABLE "mb_url_queue" (
	"url" text PRIMARY KEY NOT NULL,
	"queued_at" timestamp with time zone DEFAULT now() NOT NULL,
	"claimed_by" text,
	"claimed_until" timestamp with time zone
);
--> statement-breakpoint
CREATE INDEX "mb_url_queue_queued" ON "mb_url_queue" USING btree ("queued_at");