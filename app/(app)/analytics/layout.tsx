import { Suspense, type ReactNode } from "react";
import { AnalyticsTabs } from "@/components/analytics/analytics-tabs";
import { requirePageActor } from "@/server/auth/session";
import { can } from "@/server/authz/permissions";

export default async function AnalyticsLayout({ children }: { children: ReactNode }) {
  const actor = await requirePageActor();
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
