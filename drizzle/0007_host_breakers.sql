CREATE TABLE "host_breakers" (
	"key" text PRIMARY KEY NOT NULL,
	"failures" integer NOT NULL,
	"open_until" timestamp with time zone NOT NULL,
	"probe_until" timestamp with time zone
);
