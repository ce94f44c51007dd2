CREATE SCHEMA "registry";
--> statement-breakpoint
CREATE TABLE "registry"."field_usage" (
	"day" date NOT NULL,
	"coordinate" text NOT NULL,
	"client_name" text NOT NULL,
	"count" bigint NOT NULL,
	CONSTRAINT "field_usage_day_coordinate_client_name_pk" PRIMARY KEY("day","coordinate","client_name")
);
--> statement-breakpoint
CREATE TABLE "registry"."subgraph_version" (
	"id" serial PRIMARY KEY NOT NULL,
	"subgraph" text NOT NULL,
	"version" integer NOT NULL,
	"sdl" text NOT NULL,
	"sdl_hash" text NOT NULL,
	"routing_url" text NOT NULL,
	"author" text NOT NULL,
	"published_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "registry"."supergraph_member" (
	"supergraph_id" integer NOT NULL,
	"version_id" integer NOT NULL,
	CONSTRAINT "supergraph_member_supergraph_id_version_id_pk" PRIMARY KEY("supergraph_id","version_id")
);
--> statement-breakpoint
CREATE TABLE "registry"."supergraph" (
	"id" serial PRIMARY KEY NOT NULL,
	"hash" text NOT NULL,
	"sdl" text NOT NULL,
	"reason" text NOT NULL,
	"author" text NOT NULL,
	"composed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "registry"."supergraph_member" ADD CONSTRAINT "supergraph_member_supergraph_id_supergraph_id_fk" FOREIGN KEY ("supergraph_id") REFERENCES "registry"."supergraph"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registry"."supergraph_member" ADD CONSTRAINT "supergraph_member_version_id_subgraph_version_id_fk" FOREIGN KEY ("version_id") REFERENCES "registry"."subgraph_version"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "subgraph_version_subgraph_version_idx" ON "registry"."subgraph_version" USING btree ("subgraph","version");