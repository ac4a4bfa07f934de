CREATE TABLE "ad_account_syncs" (
	"ad_account_id" uuid PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"status" varchar(20) DEFAULT 'idle' NOT NULL,
	"run_id" uuid,
	"last_started_at" timestamp with time zone,
	"last_success_at" timestamp with time zone,
	"backfilled_from" date,
	"window_since" date,
	"window_until" date,
	"rows" integer DEFAULT 0 NOT NULL,
	"calls" integer DEFAULT 0 NOT NULL,
	"duration_ms" integer DEFAULT 0 NOT NULL,
	"error" text,
	"paused_until" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ad_insights_daily" (
	"ad_account_id" uuid NOT NULL,
	"meta_ad_id" varchar(64) NOT NULL,
	"date" date NOT NULL,
	"user_id" uuid NOT NULL,
	"campaign_id" uuid,
	"meta_campaign_id" varchar(64) NOT NULL,
	"meta_ad_set_id" varchar(64) NOT NULL,
	"impressions" bigint DEFAULT 0 NOT NULL,
	"reach" bigint DEFAULT 0 NOT NULL,
	"clicks" bigint DEFAULT 0 NOT NULL,
	"spend" numeric(12, 2) DEFAULT '0' NOT NULL,
	"conversions" bigint DEFAULT 0 NOT NULL,
	"conversion_value" numeric(14, 2) DEFAULT '0' NOT NULL,
	"action_type" varchar(80),
	"synced_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ad_insights_daily_ad_account_id_meta_ad_id_date_pk" PRIMARY KEY("ad_account_id","meta_ad_id","date")
);
--> statement-breakpoint
CREATE TABLE "weekly_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"period_start" date NOT NULL,
	"period_end" date NOT NULL,
	"summary" jsonb NOT NULL,
	"emailed_at" timestamp with time zone,
	"email_error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "weekly_reports_user_period_unique" UNIQUE("user_id","period_start")
);
--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "weekly_report_email" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "ad_account_syncs" ADD CONSTRAINT "ad_account_syncs_ad_account_id_meta_ad_accounts_id_fk" FOREIGN KEY ("ad_account_id") REFERENCES "public"."meta_ad_accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ad_account_syncs" ADD CONSTRAINT "ad_account_syncs_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ad_insights_daily" ADD CONSTRAINT "ad_insights_daily_ad_account_id_meta_ad_accounts_id_fk" FOREIGN KEY ("ad_account_id") REFERENCES "public"."meta_ad_accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ad_insights_daily" ADD CONSTRAINT "ad_insights_daily_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ad_insights_daily" ADD CONSTRAINT "ad_insights_daily_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "weekly_reports" ADD CONSTRAINT "weekly_reports_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "ad_account_syncs_user_id_idx" ON "ad_account_syncs" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "ad_insights_daily_campaign_id_date_idx" ON "ad_insights_daily" USING btree ("campaign_id","date");--> statement-breakpoint
CREATE INDEX "ad_insights_daily_user_id_date_idx" ON "ad_insights_daily" USING btree ("user_id","date");