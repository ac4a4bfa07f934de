CREATE TABLE "optimizer_recommendations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"ad_account_id" uuid,
	"campaign_id" uuid,
	"kind" varchar(20) NOT NULL,
	"group_key" varchar(160) NOT NULL,
	"for_date" date NOT NULL,
	"mode" varchar(12) DEFAULT 'recommend' NOT NULL,
	"status" varchar(16) DEFAULT 'open' NOT NULL,
	"currency" varchar(3),
	"changes" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"expected" jsonb,
	"fatigue" jsonb,
	"explanation" text NOT NULL,
	"applied_at" timestamp with time zone,
	"applied_by" varchar(12),
	"rolled_back_at" timestamp with time zone,
	"error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "optimizer_recommendations_group_day_unique" UNIQUE("group_key","kind","for_date")
);
--> statement-breakpoint
ALTER TABLE "campaigns" ADD COLUMN "optimizer_mode" varchar(12) DEFAULT 'recommend' NOT NULL;--> statement-breakpoint
ALTER TABLE "optimizer_recommendations" ADD CONSTRAINT "optimizer_recommendations_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "optimizer_recommendations" ADD CONSTRAINT "optimizer_recommendations_ad_account_id_meta_ad_accounts_id_fk" FOREIGN KEY ("ad_account_id") REFERENCES "public"."meta_ad_accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "optimizer_recommendations" ADD CONSTRAINT "optimizer_recommendations_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "optimizer_recommendations_user_id_status_idx" ON "optimizer_recommendations" USING btree ("user_id","status");