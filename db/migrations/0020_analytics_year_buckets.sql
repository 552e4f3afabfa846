ALTER TABLE "analytics_asset_usage" DROP CONSTRAINT "analytics_asset_usage_span_check";--> statement-breakpoint
ALTER TABLE "analytics_outcome_assets" DROP CONSTRAINT "analytics_outcome_assets_span_check";--> statement-breakpoint
ALTER TABLE "analytics_outcome_reach" DROP CONSTRAINT "analytics_outcome_reach_span_check";--> statement-breakpoint
ALTER TABLE "analytics_outcome_stages" DROP CONSTRAINT "analytics_outcome_stages_span_check";--> statement-breakpoint
ALTER TABLE "analytics_asset_usage" ADD CONSTRAINT "analytics_asset_usage_span_check" CHECK (span IN ('day', 'month', 'year'));--> statement-breakpoint
ALTER TABLE "analytics_outcome_assets" ADD CONSTRAINT "analytics_outcome_assets_span_check" CHECK (span IN ('day', 'month', 'year'));--> statement-breakpoint
ALTER TABLE "analytics_outcome_reach" ADD CONSTRAINT "analytics_outcome_reach_span_check" CHECK (span IN ('day', 'month', 'year'));--> statement-breakpoint
ALTER TABLE "analytics_outcome_stages" ADD CONSTRAINT "analytics_outcome_stages_span_check" CHECK (span IN ('day', 'month', 'year'));