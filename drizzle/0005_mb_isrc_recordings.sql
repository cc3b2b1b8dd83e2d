CREATE TABLE "mb_isrc_recordings" (
	"isrc" text PRIMARY KEY NOT NULL,
	"found" boolean NOT NULL,
	"recordings" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"checked_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "mb_isrc_recordings_checked" ON "mb_isrc_recordings" USING btree ("checked_at");