CREATE TABLE "user_daily_performance" (
	"user_id" uuid NOT NULL,
	"currency" char(3) NOT NULL,
	"date" date NOT NULL,
	"impressions" bigint DEFAULT 0 NOT NULL,
	"reach" bigint DEFAULT 0 NOT NULL,
	"clicks" bigint DEFAULT 0 NOT NULL,
	"spend" numeric(16, 2) DEFAULT '0' NOT NULL,
	"conversions" bigint DEFAULT 0 NOT NULL,
	"conversion_value" numeric(18, 2) DEFAULT '0' NOT NULL,
	CONSTRAINT "user_daily_performance_user_id_currency_date_pk" PRIMARY KEY("user_id","currency","date")
);
--> statement-breakpoint
ALTER TABLE "performance_analytics" ADD COLUMN "cum_impressions" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "performance_analytics" ADD COLUMN "cum_reach" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "performance_analytics" ADD COLUMN "cum_clicks" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "performance_analytics" ADD COLUMN "cum_spend" numeric(16, 2) DEFAULT '0' NOT NULL;--> statement-breakpoint
ALTER TABLE "performance_analytics" ADD COLUMN "cum_conversions" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "performance_analytics" ADD COLUMN "cum_conversion_value" numeric(18, 2) DEFAULT '0' NOT NULL;--> statement-breakpoint
ALTER TABLE "user_daily_performance" ADD CONSTRAINT "user_daily_performance_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- Running totals and per-user daily totals for rows that existed before these did.
UPDATE "performance_analytics" AS p SET
  "cum_impressions" = x.ci, "cum_reach" = x.cr, "cum_clicks" = x.cc, "cum_spend" = x.cs, "cum_conversions" = x.cv, "cum_conversion_value" = x.cval
FROM (
  SELECT "id",
    sum("impressions") OVER w AS ci, sum("reach") OVER w AS cr, sum("clicks") OVER w AS cc,
    sum("spend") OVER w AS cs, sum("conversions") OVER w AS cv, sum("conversion_value") OVER w AS cval
  FROM "performance_analytics"
  WINDOW w AS (PARTITION BY "campaign_id" ORDER BY "date")
) AS x
WHERE p."id" = x."id";
--> statement-breakpoint
INSERT INTO "user_daily_performance" ("user_id", "currency", "date", "impressions", "reach", "clicks", "spend", "conversions", "conversion_value")
SELECT p."user_id", c."currency", p."date", sum(p."impressions"), sum(p."reach"), sum(p."clicks"), sum(p."spend"), sum(p."conversions"), sum(p."conversion_value")
FROM "performance_analytics" p JOIN "campaigns" c ON c."id" = p."campaign_id"
GROUP BY p."user_id", c."currency", p."date";
