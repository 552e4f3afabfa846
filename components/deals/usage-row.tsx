"use client";

import Link from "next/link";
import { Button } from "@/components/ui/button";
import { RowSelect, choicesOf, InlineError } from "@/components/ui/field";
import { useServerAction } from "@/components/ui/use-server-action";
import {
  buyerReactions,
  loggedUsageKinds,
  usageKindLabels,
  type BuyerReaction,
  type UsageKind,
} from "@/lib/assets";
import { formatDateTime } from "@/lib/format";
import { deleteUsageAction, updateUsageAction } from "@/server/usage/usage-actions";

export interface UsageRowData {
  id: string;
  dealId: string;
  assetId: string;
  assetTitle: string;
  kind: UsageKind;
  reaction: BuyerReaction | null;
  note: string;
  stageId: string;
  stageName: string;
  actorName: string;
  createdAt: Date;
}

/** One usage on a deal; its author can correct the stage, kind and buyer reaction, or remove it. */
export function UsageRow({
  usage,
  editable,
  stages,
}: {
  usage: UsageRowData;
  editable: boolean;
  stages: { id: string; name: string }[];
}) {
  const { run, pending, error } = useServerAction();
  const patch = (p: {
    kind?: (typeof loggedUsageKinds)[number];
    reaction?: BuyerReaction | null;
    stageId?: string;
    note?: string;
  }) => run(() => updateUsageAction({ usageId: usage.id, patch: p }));
  const select = "rounded-md border-0 py-1 pl-2 pr-7 text-xs ring-1 ring-inset ring-slate-300";
  return (
    <li className="space-y-1 py-2 text-sm">
      <div className="flex flex-wrap justify-between gap-2">
        <span>
          <Link href={`/assets/${usage.assetId}`} className="font-medium hover:underline">
            {usage.assetTitle}
          </Link>{" "}
          — {usageKindLabels[usage.kind]} at {usage.stageName}
          {usage.reaction ? ` · buyer ${usage.reaction}` : ""}
          {usage.note && !editable ? (
            <span className="block text-xs text-slate-600">{usage.note}</span>
          ) : null}
        </span>
        <span className="text-slate-500">
          {usage.actorName}, {formatDateTime(usage.createdAt)}
        </span>
      </div>
      {editable ? (
        <div className="flex flex-wrap items-center gap-2">
          <RowSelect
            id={`kind-${usage.id}`}
            label="How it was used"
            className={select}
            value={usage.kind}
            disabled={pending || usage.kind === "shared"}
            onChange={(e) => patch({ kind: e.target.value as (typeof loggedUsageKinds)[number] })}
            options={(usage.kind === "shared" ? [usage.kind] : loggedUsageKinds).map((k) => ({
              value: k,
              label: usageKindLabels[k],
            }))}
          />
          <RowSelect
            id={`stage-${usage.id}`}
            label="Stage at the time"
            className={select}
            value={usage.stageId}
            disabled={pending}
            onChange={(e) => patch({ stageId: e.target.value })}
            options={choicesOf(stages)}
          />
          <RowSelect
            id={`reaction-${usage.id}`}
            label="Buyer reaction"
            className={select}
            value={usage.reaction ?? ""}
            disabled={pending}
            onChange={(e) => patch({ reaction: (e.target.value || null) as BuyerReaction | null })}
            placeholder="Reaction: not noted"
            options={buyerReactions.map((r) => ({ value: r, label: `Reaction: ${r}` }))}
          />
          <label className="sr-only" htmlFor={`note-${usage.id}`}>
            Note
          </label>
          <input
            id={`note-${usage.id}`}
            defaultValue={usage.note}
            placeholder="Add a note"
            maxLength={2000}
            disabled={pending}
            className="min-w-40 flex-1 rounded-md border-0 py-1 px-2 text-xs ring-1 ring-inset ring-slate-300"
            onBlur={(e) => {
              if (e.target.value.trim() !== usage.note) patch({ note: e.target.value });
            }}
          />
          <Button
            variant="ghost"
            className="!px-2 !py-1 text-xs"
            disabled={pending}
            aria-label={`Remove “${usage.assetTitle}”`}
            onClick={() => run(() => deleteUsageAction({ usageId: usage.id, dealId: usage.dealId }))}
          >
            Remove
          </Button>
          <InlineError message={error} />
        </div>
      ) : null}
    </li>
  );
}
