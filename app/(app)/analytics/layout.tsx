import { Suspense, type ReactNode } from "react";
import { AnalyticsTabs } from "@/components/analytics/analytics-tabs";
import { requirePage } from "@/server/auth/require-page";
import { can } from "@/server/authz/permissions";

export default async function AnalyticsLayout({ children }: { children: ReactNode }) {
  const { actor } = await requirePage();
  return (
    <>
      {can(actor.role, "analytics.read") ? (
        <Suspense>
          <AnalyticsTabs />
        </Suspense>
      ) : null}
      {children}
    </>
  );
}
