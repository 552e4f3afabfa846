"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { InlineError } from "@/components/ui/field";
import { useServerAction } from "@/components/ui/use-server-action";
import { logUsageAction } from "@/server/usage/usage-actions";

/** One click from the deal's stage library: records the asset as sent at the deal's current stage. */
export function LogAssetButton({
  dealId,
  assetId,
  title,
}: {
  dealId: string;
  assetId: string;
  title: string;
}) {
  const { run, pending, error } = useServerAction();
  const [key] = useState(() => crypto.randomUUID());
  const [done, setDone] = useState(false);
  if (done) return <span className="text-sm text-emerald-700">Logged</span>;
  return (
    <span className="flex items-center gap-2 whitespace-nowrap">
      <Button
        variant="secondary"
        disabled={pending}
        onClick={() =>
          run(() => logUsageAction({ assetId, dealId, kind: "sent", idempotencyKey: key }), {
            onSuccess: () => setDone(true),
          })
        }
      >
        {/* The name starts with the visible words (voice control users say them) and adds which asset. */}
        Log as used<span className="sr-only">: {title}</span>
      </Button>
      <InlineError message={error} />
    </span>
  );
}
