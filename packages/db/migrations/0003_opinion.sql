CREATE TABLE "opinion_sources" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"url" text,
	"selectors" jsonb,
	"region" text,
	"interval_minutes" integer DEFAULT 30 NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"etag" text,
	"last_modified" text,
	"last_fetch_at" timestamp with time zone,
	"last_success_at" timestamp with time zone,
	"last_error" text,
	"last_error_at" timestamp with time zone,
	"error_streak" integer DEFAULT 0 NOT NULL,
	"items_total" bigint DEFAULT 0 NOT NULL,
	"next_fetch_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "opinion_topics" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"name" text NOT NULL,
	"rule" text NOT NULL,
	"source_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"regions" text[] DEFAULT '{}'::text[] NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"recipient_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"quiet_start" text,
	"quiet_end" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "opinion_mentions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"source_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"url" text,
	"url_hash" text,
	"content_hash" text NOT NULL,
	"title" text NOT NULL,
	"content" text NOT NULL,
	"author" text,
	"region" text,
	"published_at" timestamp with time zone,
	"occurred_at" timestamp with time zone NOT NULL,
	"fetched_at" timestamp with time zone DEFAULT now() NOT NULL,
	"simhash" bigint NOT NULL,
	"cluster_id" uuid NOT NULL,
	"sentiment" text NOT NULL,
	"sentiment_score" real NOT NULL,
	"sentiment_words" text[] DEFAULT '{}'::text[] NOT NULL,
	"search_text" text NOT NULL,
	"search" "tsvector" GENERATED ALWAYS AS (to_tsvector('simple'::regconfig, search_text)) STORED,
	"irrelevant" boolean DEFAULT false NOT NULL,
	"important" boolean DEFAULT false NOT NULL,
	"marked_by" uuid,
	"marked_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "opinion_mention_topics" (
	"mention_id" uuid NOT NULL,
	"topic_id" uuid NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"negative" boolean NOT NULL,
	"highlights" jsonb NOT NULL,
	CONSTRAINT "opinion_mention_topics_mention_id_topic_id_pk" PRIMARY KEY("mention_id","topic_id")
);
--> statement-breakpoint
CREATE TABLE "opinion_mention_reads" (
	"user_id" uuid NOT NULL,
	"mention_id" uuid NOT NULL,
	"read_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "opinion_mention_reads_user_id_mention_id_pk" PRIMARY KEY("user_id","mention_id")
);
--> statement-breakpoint
CREATE TABLE "opinion_alert_rules" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"topic_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"threshold" integer,
	"window_minutes" integer,
	"source_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"keywords" text[] DEFAULT '{}'::text[] NOT NULL,
	"severity" text DEFAULT 'general' NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "opinion_alerts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"rule_id" uuid NOT NULL,
	"topic_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"severity" text NOT NULL,
	"dedupe_key" text NOT NULL,
	"title" text NOT NULL,
	"cluster_id" uuid,
	"mention_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"count" integer DEFAULT 1 NOT NULL,
	"first_at" timestamp with time zone NOT NULL,
	"last_at" timestamp with time zone NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"acknowledged_by" uuid,
	"acknowledged_by_name" text,
	"acknowledged_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "alert_deliveries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"alert_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"status" text NOT NULL,
	"deliver_at" timestamp with time zone NOT NULL,
	"delivered_at" timestamp with time zone,
	"read_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "opinion_incident_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"incident_id" uuid NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_id" uuid,
	"actor_name" text NOT NULL,
	"kind" text NOT NULL,
	"from_stage" text,
	"to_stage" text,
	"note" text,
	"data" jsonb
);
--> statement-breakpoint
CREATE TABLE "opinion_incident_stages" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"incident_id" uuid NOT NULL,
	"stage" text NOT NULL,
	"owner_org_id" uuid NOT NULL,
	"deadline" timestamp with time zone,
	"entered_at" timestamp with time zone DEFAULT now() NOT NULL,
	"left_at" timestamp with time zone,
	"escalated_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "opinion_incidents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"title" text NOT NULL,
	"grade" text NOT NULL,
	"stage" text NOT NULL,
	"stage_owner_org_id" uuid NOT NULL,
	"stage_deadline" timestamp with time zone,
	"escalated_at" timestamp with time zone,
	"mention_id" uuid,
	"cluster_id" uuid,
	"topic_id" uuid,
	"response_text" text,
	"response_url" text,
	"response_at" timestamp with time zone,
	"summary" text,
	"created_by" uuid,
	"created_by_name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"closed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "opinion_briefs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"period_from" timestamp with time zone NOT NULL,
	"period_to" timestamp with time zone NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"error" text,
	"file_sha256" text,
	"figures" jsonb,
	"requested_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"generated_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "opinion_sources" ADD CONSTRAINT "opinion_sources_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opinion_topics" ADD CONSTRAINT "opinion_topics_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opinion_mentions" ADD CONSTRAINT "opinion_mentions_source_id_opinion_sources_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."opinion_sources"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opinion_mention_topics" ADD CONSTRAINT "opinion_mention_topics_mention_id_opinion_mentions_id_fk" FOREIGN KEY ("mention_id") REFERENCES "public"."opinion_mentions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opinion_mention_topics" ADD CONSTRAINT "opinion_mention_topics_topic_id_opinion_topics_id_fk" FOREIGN KEY ("topic_id") REFERENCES "public"."opinion_topics"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opinion_mention_reads" ADD CONSTRAINT "opinion_mention_reads_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opinion_mention_reads" ADD CONSTRAINT "opinion_mention_reads_mention_id_opinion_mentions_id_fk" FOREIGN KEY ("mention_id") REFERENCES "public"."opinion_mentions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opinion_alert_rules" ADD CONSTRAINT "opinion_alert_rules_topic_id_opinion_topics_id_fk" FOREIGN KEY ("topic_id") REFERENCES "public"."opinion_topics"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opinion_alerts" ADD CONSTRAINT "opinion_alerts_rule_id_opinion_alert_rules_id_fk" FOREIGN KEY ("rule_id") REFERENCES "public"."opinion_alert_rules"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alert_deliveries" ADD CONSTRAINT "alert_deliveries_alert_id_opinion_alerts_id_fk" FOREIGN KEY ("alert_id") REFERENCES "public"."opinion_alerts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alert_deliveries" ADD CONSTRAINT "alert_deliveries_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opinion_incident_events" ADD CONSTRAINT "opinion_incident_events_incident_id_opinion_incidents_id_fk" FOREIGN KEY ("incident_id") REFERENCES "public"."opinion_incidents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opinion_incident_stages" ADD CONSTRAINT "opinion_incident_stages_incident_id_opinion_incidents_id_fk" FOREIGN KEY ("incident_id") REFERENCES "public"."opinion_incidents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opinion_incident_stages" ADD CONSTRAINT "opinion_incident_stages_owner_org_id_orgs_id_fk" FOREIGN KEY ("owner_org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opinion_incidents" ADD CONSTRAINT "opinion_incidents_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opinion_incidents" ADD CONSTRAINT "opinion_incidents_stage_owner_org_id_orgs_id_fk" FOREIGN KEY ("stage_owner_org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opinion_briefs" ADD CONSTRAINT "opinion_briefs_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "opinion_sources_org_idx" ON "opinion_sources" USING btree ("org_id");--> statement-breakpoint
CREATE INDEX "opinion_sources_due_idx" ON "opinion_sources" USING btree ("enabled","next_fetch_at");--> statement-breakpoint
CREATE INDEX "opinion_topics_org_idx" ON "opinion_topics" USING btree ("org_id");--> statement-breakpoint
CREATE UNIQUE INDEX "opinion_mentions_url_hash_uniq" ON "opinion_mentions" USING btree ("url_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "opinion_mentions_content_hash_uniq" ON "opinion_mentions" USING btree ("content_hash");--> statement-breakpoint
CREATE INDEX "opinion_mentions_occurred_idx" ON "opinion_mentions" USING btree ("occurred_at");--> statement-breakpoint
CREATE INDEX "opinion_mentions_source_idx" ON "opinion_mentions" USING btree ("source_id","fetched_at");--> statement-breakpoint
CREATE INDEX "opinion_mentions_cluster_idx" ON "opinion_mentions" USING btree ("cluster_id","occurred_at");--> statement-breakpoint
CREATE INDEX "opinion_mentions_org_idx" ON "opinion_mentions" USING btree ("org_id","occurred_at");--> statement-breakpoint
CREATE INDEX "opinion_mentions_search_idx" ON "opinion_mentions" USING gin ("search");--> statement-breakpoint
CREATE INDEX "opinion_mentions_fetched_idx" ON "opinion_mentions" USING btree ("fetched_at");--> statement-breakpoint
CREATE INDEX "opinion_mention_topics_topic_idx" ON "opinion_mention_topics" USING btree ("topic_id","occurred_at");--> statement-breakpoint
CREATE INDEX "opinion_alert_rules_topic_idx" ON "opinion_alert_rules" USING btree ("topic_id");--> statement-breakpoint
CREATE UNIQUE INDEX "opinion_alerts_dedupe_uniq" ON "opinion_alerts" USING btree ("dedupe_key");--> statement-breakpoint
CREATE INDEX "opinion_alerts_topic_idx" ON "opinion_alerts" USING btree ("topic_id","created_at");--> statement-breakpoint
CREATE INDEX "opinion_alerts_rule_idx" ON "opinion_alerts" USING btree ("rule_id","last_at");--> statement-breakpoint
CREATE UNIQUE INDEX "alert_deliveries_uniq" ON "alert_deliveries" USING btree ("alert_id","user_id");--> statement-breakpoint
CREATE INDEX "alert_deliveries_inbox_idx" ON "alert_deliveries" USING btree ("user_id","status","delivered_at");--> statement-breakpoint
CREATE INDEX "alert_deliveries_held_idx" ON "alert_deliveries" USING btree ("status","deliver_at");--> statement-breakpoint
CREATE INDEX "opinion_incident_events_incident_idx" ON "opinion_incident_events" USING btree ("incident_id","id");--> statement-breakpoint
CREATE INDEX "opinion_incident_stages_incident_idx" ON "opinion_incident_stages" USING btree ("incident_id","id");--> statement-breakpoint
CREATE INDEX "opinion_incidents_org_idx" ON "opinion_incidents" USING btree ("org_id","created_at");--> statement-breakpoint
CREATE INDEX "opinion_incidents_due_idx" ON "opinion_incidents" USING btree ("stage","stage_deadline");--> statement-breakpoint
CREATE UNIQUE INDEX "opinion_briefs_period_uniq" ON "opinion_briefs" USING btree ("org_id","kind","period_from");--> statement-breakpoint
CREATE INDEX "opinion_briefs_org_idx" ON "opinion_briefs" USING btree ("org_id","created_at");