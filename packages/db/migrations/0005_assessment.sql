CREATE TABLE "assessment_weights" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"points" integer NOT NULL,
	"quota" integer NOT NULL,
	"targets" integer NOT NULL,
	"tasks" integer NOT NULL,
	"praise_top" integer NOT NULL,
	"praise_threshold" double precision NOT NULL,
	"criticise_bottom" integer NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "assessment_weights_org_year" UNIQUE("org_id","year")
);
--> statement-breakpoint
ALTER TABLE "assessment_weights" ADD CONSTRAINT "assessment_weights_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;