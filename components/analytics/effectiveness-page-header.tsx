import type { ComponentProps } from "react";
import { PageHeader } from "@/components/ui/card";
import { AnalyticsFilterBar } from "./analytics-filter-bar";
import { MetricExplainer } from "./metric-explainer";

/**
 * The top of a page of with-it-against-without-it numbers (all assets, plays): its heading, the filter
 * bar (given the page's own address and the dashboard's filters), and how to read the numbers.
 */
export function EffectivenessPageHeader({
  title,
  description,
  filterBar,
}: {
  title: string;
  description: string;
  filterBar: ComponentProps<typeof AnalyticsFilterBar>;
}) {
  return (
    <>
      <PageHeader title={title} description={description} />
      <AnalyticsFilterBar {...filterBar} />
      <div className="mb-4">
        <MetricExplainer />
      </div>
    </>
  );
}
