"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import type { AssetStatus } from "@/lib/assets";
import { changeAssetStatusAction } from "@/server/assets/asset-actions";

const actionsFor: Record<
  AssetStatus,
  { to: AssetStatus; label: string; variant: "primary" | "secondary" | "danger" }[]
> = {
  draft: [
    { to: "in_review", label: "Send for review", variant: "secondary" },
    { to: "published", label: "Publish", variant: "primary" },
  ],
  in_review: [
    { to: "published", label: "Publish", variant: "primary" },
    { to: "draft", label: "Back to draft", variant: "secondary" },
  ],
  published: [{ to: "archived", label: "Archive", variant: "danger" }],
  archived: [{ to: "published", label: "Republish", variant: "secondary" }],
};

export function AssetStatusActions({ assetId, status }: { assetId: string; status: AssetStatus }) {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [error, setError] = useState<string>();
  return (
    <div className="flex flex-wrap items-center gap-2">
      {actionsFor[status].map((a) => (
        <Button
          key={a.to}
          variant={a.variant}
          disabled={pending}
          onClick={() =>
            start(async () => {
              const result = await changeAssetStatusAction({ assetId, status: a.to });
              if (!result.ok) setError(result.error);
              else router.refresh();
            })
          }
        >
          {a.label}
        </Button>
      ))}
      {error ? (
        <p role="alert" className="text-sm text-red-600">
          {error}
        </p>
      ) : null}
    </div>
  );
}
