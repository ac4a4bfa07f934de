ALTER TYPE "public"."campaign_status" ADD VALUE 'archived';--> statement-breakpoint
CREATE TABLE "budget_changes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"campaign_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"from_amount" integer,
	"to_amount" integer NOT NULL,
	"source" varchar(20) DEFAULT 'user' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "campaign_ads" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"campaign_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"asset_id" uuid NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"primary_text" text NOT NULL,
	"headline" varchar(255) NOT NULL,
	"description" varchar(255) DEFAULT '' NOT NULL,
	"call_to_action" varchar(40) NOT NULL,
	"link" text NOT NULL,
	"meta_image_hash" varchar(255),
	"meta_video_id" varchar(255),
	"meta_creative_id" varchar(255),
	"meta_ad_id" varchar(255),
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "campaigns" ADD COLUMN "draft" jsonb DEFAULT '{"step":"purpose"}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "campaigns" ADD COLUMN "audience" jsonb;--> statement-breakpoint
ALTER TABLE "campaigns" ADD COLUMN "promoted" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "campaigns" ADD COLUMN "start_time" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "campaigns" ADD COLUMN "end_time" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "campaigns" ADD COLUMN "meta_ad_set_id" varchar(255);--> statement-breakpoint
ALTER TABLE "campaigns" ADD COLUMN "meta_status" varchar(40);--> statement-breakpoint
ALTER TABLE "campaigns" ADD COLUMN "launch_marker" varchar(40);--> statement-breakpoint
ALTER TABLE "campaigns" ADD COLUMN "launch_state" varchar(20) DEFAULT 'not_launched' NOT NULL;--> statement-breakpoint
ALTER TABLE "campaigns" ADD COLUMN "launch_run_id" uuid;--> statement-breakpoint
ALTER TABLE "campaigns" ADD COLUMN "launch_error" text;--> statement-breakpoint
ALTER TABLE "budget_changes" ADD CONSTRAINT "budget_changes_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "budget_changes" ADD CONSTRAINT "budget_changes_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_ads" ADD CONSTRAINT "campaign_ads_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_ads" ADD CONSTRAINT "campaign_ads_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_ads" ADD CONSTRAINT "campaign_ads_asset_id_creative_assets_id_fk" FOREIGN KEY ("asset_id") REFERENCES "public"."creative_assets"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "budget_changes_campaign_id_created_at_idx" ON "budget_changes" USING btree ("campaign_id","created_at");--> statement-breakpoint
CREATE INDEX "campaign_ads_campaign_id_idx" ON "campaign_ads" USING btree ("campaign_id");--> statement-breakpoint
CREATE INDEX "campaign_ads_user_id_idx" ON "campaign_ads" USING btree ("user_id");