import { Suspense, type ReactNode } from "react";
import { AnalyticsTabs } from "@/components/analytics/analytics-tabs";
import { requirePage } from "@/server/auth/require-page";
import { actorCan } from "@/server/authz/permissions";

export default async function AnalyticsLayout({ children }: { children: ReactNode }) {
  const { actor } = await requirePage();
  return (
    <>
      {actorCan(actor, "analytics.read") ? (
        <Suspense>
          <AnalyticsTabs />
        </Suspense>
      ) : null}
      {children}
    </>
  );
}
