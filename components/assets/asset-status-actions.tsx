"use client";

import { Button } from "@/components/ui/button";
import type { AssetStatus } from "@/lib/assets";
import { changeAssetStatusAction } from "@/server/assets/asset-actions";
import { FormError } from "@/components/ui/field";
import { useServerAction } from "@/components/ui/use-server-action";

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

/**
 * Lifecycle buttons. With second-person approval on, a draft can only be sent for review, and the person
 * who sent it cannot publish it; anyone else with the right sees "Approve and publish".
 */
export function AssetStatusActions({
  assetId,
  status,
  approval,
}: {
  assetId: string;
  status: AssetStatus;
  approval: { required: boolean; sentByMe: boolean };
}) {
  const { run, pending, error } = useServerAction();
  let actions = actionsFor[status];
  let waiting = false;
  if (approval.required && status === "draft") actions = actions.filter((a) => a.to !== "published");
  if (approval.required && status === "in_review") {
    waiting = approval.sentByMe;
    actions = actions
      .filter((a) => !(waiting && a.to === "published"))
      .map((a) => (a.to === "published" ? { ...a, label: "Approve and publish" } : a));
  }
  return (
    <div className="flex flex-wrap items-center gap-2">
      {waiting ? <p className="text-sm text-slate-600">Waiting for another marketer to approve it</p> : null}
      {actions.map((a) => (
        <Button
          key={a.to}
          variant={a.variant}
          disabled={pending}
          onClick={() => run(() => changeAssetStatusAction({ assetId, status: a.to }))}
        >
          {a.label}
        </Button>
      ))}
      <FormError message={error} />
    </div>
  );
}
