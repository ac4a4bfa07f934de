CREATE TABLE "generation_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"asset_type" "asset_type" NOT NULL,
	"prompt" text NOT NULL,
	"params" jsonb NOT NULL,
	"units" integer NOT NULL,
	"produced" integer DEFAULT 0 NOT NULL,
	"status" varchar(20) DEFAULT 'running' NOT NULL,
	"failures" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"provider" varchar(20) NOT NULL,
	"job_run_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"completed_at" timestamp with time zone,
	CONSTRAINT "generation_requests_units_positive" CHECK ("generation_requests"."units" > 0)
);
--> statement-breakpoint
CREATE TABLE "ai_usage" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid,
	"provider" varchar(20) NOT NULL,
	"model" varchar(100) NOT NULL,
	"operation" varchar(30) NOT NULL,
	"input_tokens" integer DEFAULT 0 NOT NULL,
	"output_tokens" integer DEFAULT 0 NOT NULL,
	"images" integer DEFAULT 0 NOT NULL,
	"video_seconds" integer DEFAULT 0 NOT NULL,
	"cost_usd" numeric(12, 6) DEFAULT '0' NOT NULL,
	"latency_ms" integer NOT NULL,
	"outcome" varchar(30) NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
DROP INDEX "brand_profiles_user_id_idx";--> statement-breakpoint
ALTER TABLE "creative_assets" ADD COLUMN "source" varchar(20) DEFAULT 'generated' NOT NULL;--> statement-breakpoint
ALTER TABLE "creative_assets" ADD COLUMN "thumbnail_key" text;--> statement-breakpoint
ALTER TABLE "creative_assets" ADD COLUMN "provider" varchar(20);--> statement-breakpoint
ALTER TABLE "creative_assets" ADD COLUMN "generation_id" uuid;--> statement-breakpoint
ALTER TABLE "creative_assets" ADD COLUMN "parent_asset_id" uuid;--> statement-breakpoint
ALTER TABLE "creative_assets" ADD COLUMN "metadata" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "creative_assets" ADD COLUMN "brand_applied" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "brand_profiles" ADD COLUMN "name" varchar(120);--> statement-breakpoint
ALTER TABLE "brand_profiles" ADD COLUMN "logo_key" text;--> statement-breakpoint
ALTER TABLE "brand_profiles" ADD COLUMN "source" jsonb;--> statement-breakpoint
ALTER TABLE "generation_requests" ADD CONSTRAINT "generation_requests_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "generation_requests" ADD CONSTRAINT "generation_requests_job_run_id_job_runs_id_fk" FOREIGN KEY ("job_run_id") REFERENCES "public"."job_runs"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ai_usage" ADD CONSTRAINT "ai_usage_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "generation_requests_user_month_idx" ON "generation_requests" USING btree ("user_id","asset_type","created_at");--> statement-breakpoint
CREATE INDEX "ai_usage_user_id_created_at_idx" ON "ai_usage" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE INDEX "ai_usage_created_at_idx" ON "ai_usage" USING btree ("created_at");--> statement-breakpoint
ALTER TABLE "creative_assets" ADD CONSTRAINT "creative_assets_generation_id_generation_requests_id_fk" FOREIGN KEY ("generation_id") REFERENCES "public"."generation_requests"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "creative_assets_generation_id_idx" ON "creative_assets" USING btree ("generation_id");--> statement-breakpoint
CREATE UNIQUE INDEX "brand_profiles_user_id_idx" ON "brand_profiles" USING btree ("user_id");