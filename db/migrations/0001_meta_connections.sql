CREATE TYPE "public"."data_deletion_status" AS ENUM('received', 'completed');--> statement-breakpoint
CREATE SEQUENCE "public"."sandbox_graph_ids" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 120210000000000001 CACHE 1;--> statement-breakpoint
CREATE TABLE "meta_ad_accounts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"meta_account_id" uuid NOT NULL,
	"ad_account_id" varchar(64) NOT NULL,
	"name" varchar(255) NOT NULL,
	"currency" char(3) NOT NULL,
	"timezone" varchar(64) NOT NULL,
	"account_status" integer NOT NULL,
	"connected" boolean DEFAULT false NOT NULL,
	"is_default" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "meta_ad_accounts_user_ad_account_unique" UNIQUE("user_id","ad_account_id")
);
--> statement-breakpoint
CREATE TABLE "meta_data_deletions" (
	"confirmation_code" varchar(64) PRIMARY KEY NOT NULL,
	"meta_user_id" varchar(255) NOT NULL,
	"status" "data_deletion_status" DEFAULT 'received' NOT NULL,
	"deleted_connections" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"completed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "sandbox_graph_objects" (
	"scope" varchar(64) NOT NULL,
	"kind" varchar(50) NOT NULL,
	"id" text NOT NULL,
	"seq" bigserial NOT NULL,
	"data" jsonb NOT NULL,
	CONSTRAINT "sandbox_graph_objects_scope_kind_id_pk" PRIMARY KEY("scope","kind","id")
);
--> statement-breakpoint
ALTER TABLE "meta_accounts" ADD COLUMN "sandbox" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "meta_accounts" ADD COLUMN "pages" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "meta_accounts" ADD COLUMN "last_checked_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "meta_accounts" ADD COLUMN "status_reason" text;--> statement-breakpoint
ALTER TABLE "meta_ad_accounts" ADD CONSTRAINT "meta_ad_accounts_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meta_ad_accounts" ADD CONSTRAINT "meta_ad_accounts_meta_account_id_meta_accounts_id_fk" FOREIGN KEY ("meta_account_id") REFERENCES "public"."meta_accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "meta_ad_accounts_user_id_idx" ON "meta_ad_accounts" USING btree ("user_id");