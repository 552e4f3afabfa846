"use client";

import { Button } from "@/components/ui/button";
import { useServerAction } from "@/components/ui/use-server-action";
import { reopenDealAction } from "@/server/deals/deal-actions";

export function ReopenDealButton({ dealId }: { dealId: string }) {
  const { run, pending, error } = useServerAction();
  return (
    <div className="mt-3">
      <Button variant="secondary" disabled={pending} onClick={() => run(() => reopenDealAction({ dealId }))}>
        Reopen deal
      </Button>
      {error ? (
        <p role="alert" className="mt-1 text-sm text-red-600">
          {error}
        </p>
      ) : null}
    </div>
  );
}
