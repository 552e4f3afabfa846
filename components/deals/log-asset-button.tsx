"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
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
  const router = useRouter();
  const [pending, start] = useTransition();
  const [key] = useState(() => crypto.randomUUID());
  const [state, setState] = useState<"idle" | "done" | string>("idle");
  if (state === "done") return <span className="text-sm text-emerald-700">Logged</span>;
  return (
    <span className="flex items-center gap-2 whitespace-nowrap">
      <Button
        variant="secondary"
        disabled={pending}
        onClick={() =>
          start(async () => {
            const result = await logUsageAction({ assetId, dealId, kind: "sent", idempotencyKey: key });
            if (result.ok) {
              setState("done");
              router.refresh();
            } else setState(result.error);
          })
        }
      >
        {/* The name starts with the visible words (voice control users say them) and adds which asset. */}
        Log as used<span className="sr-only">: {title}</span>
      </Button>
      {state !== "idle" ? (
        <span role="alert" className="text-xs text-red-600">
          {state}
        </span>
      ) : null}
    </span>
  );
}
