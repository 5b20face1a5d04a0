CREATE TABLE "bulletins" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"grain" text NOT NULL,
	"period" text NOT NULL,
	"title" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"commend_top" integer DEFAULT 3 NOT NULL,
	"appeal_days" integer DEFAULT 3 NOT NULL,
	"appeal_until" timestamp with time zone,
	"text" jsonb NOT NULL,
	"numbers" jsonb NOT NULL,
	"snapshot" jsonb,
	"signer" text NOT NULL,
	"issued_on" date NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by_name" text NOT NULL,
	"published_at" timestamp with time zone,
	"finalized_at" timestamp with time zone,
	"finalized_by_name" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "bulletin_appeals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"bulletin_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"created_by_id" uuid,
	"created_by_name" text NOT NULL,
	"answer" text,
	"answered_by_name" text,
	"answered_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
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
ALTER TABLE "bulletins" ADD CONSTRAINT "bulletins_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bulletin_appeals" ADD CONSTRAINT "bulletin_appeals_bulletin_id_bulletins_id_fk" FOREIGN KEY ("bulletin_id") REFERENCES "public"."bulletins"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bulletin_appeals" ADD CONSTRAINT "bulletin_appeals_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bulletin_appeals" ADD CONSTRAINT "bulletin_appeals_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_weights" ADD CONSTRAINT "assessment_weights_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "bulletins_org_idx" ON "bulletins" USING btree ("org_id","period");--> statement-breakpoint
CREATE INDEX "bulletin_appeals_bulletin_idx" ON "bulletin_appeals" USING btree ("bulletin_id");