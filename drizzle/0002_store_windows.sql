CREATE TABLE "rate_windows" (
	"name" text NOT NULL,
	"window_index" bigint NOT NULL,
	"used" integer NOT NULL,
	CONSTRAINT "rate_windows_name_window_index_pk" PRIMARY KEY("name","window_index")
);
