"use client";

import dynamic from "next/dynamic";
import Link from "next/link";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { CopyLink } from "./copy-link";
import type { PickedAsset } from "./room-asset-picker";
import type { ShareTarget } from "./share-room-fields";

// The form's own code (its fields, the asset picker) loads when the rep opens it.
const ShareRoomFields = dynamic(() => import("./share-room-fields").then((m) => m.ShareRoomFields), {
  ssr: false,
  loading: () => (
    <p role="status" className="text-sm text-slate-500">
      Opening the share form…
    </p>
  ),
});

/**
 * Share content with the buyer: a button that opens the share form and, once a room is made, its link
 * (shown once) and where it was shared.
 */
export function ShareRoomForm({
  target,
  initialAssets = [],
}: {
  target: ShareTarget;
  initialAssets?: PickedAsset[];
}) {
  const [open, setOpen] = useState(false);
  const [made, setMade] = useState<{ url: string; dealId: string }>();
  const choices = "deals" in target ? target.deals : null;
  if (open) {
    return (
      <ShareRoomFields
        target={target}
        initialAssets={initialAssets}
        onCreated={(room) => {
          setMade(room);
          setOpen(false);
        }}
        onCancel={() => setOpen(false)}
      />
    );
  }
  return (
    <div className="space-y-3">
      {made ? <CopyLink url={made.url} /> : null}
      {made && choices ? (
        <p role="status" className="text-sm text-emerald-700">
          Shared in{" "}
          <Link href={`/deals/${made.dealId}#rooms`} className="underline">
            {choices.find((d) => d.id === made.dealId)?.name ?? "the deal"}
          </Link>
          .
        </p>
      ) : null}
      <Button className="min-h-11" onClick={() => setOpen(true)}>
        Share with buyer
      </Button>
    </div>
  );
}
