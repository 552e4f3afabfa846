"use client";

import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { Field, Select, TextArea } from "@/components/ui/field";
import { useServerAction } from "@/components/ui/use-server-action";
import { requestMoves, requestStatusLabels, type RequestStatus } from "@/lib/requests";
import { updateRequestAction } from "@/server/requests/request-actions";
import { AssetSearchPicker } from "@/components/assets/asset-search-picker";

const MERGE = "merge";

/** Keyboard-first triage: choose where the request goes, give what that needs, apply. */
export function TriageControls({
  id,
  title,
  status,
  mergeTargets,
}: {
  id: string;
  title: string;
  status: RequestStatus;
  mergeTargets: { id: string; title: string }[];
}) {
  const uid = useId();
  const moves = requestMoves[status].filter((s) => s !== "merged");
  const canMerge = requestMoves[status].includes("merged") && mergeTargets.length > 0;
  const [to, setTo] = useState<string>(moves[0] ?? (canMerge ? MERGE : ""));
  const [reason, setReason] = useState("");
  const [assetId, setAssetId] = useState("");
  const [mergeInto, setMergeInto] = useState(mergeTargets[0]?.id ?? "");
  const { run, pending, error, fieldErrors } = useServerAction();
  if (!to) return null;

  function apply() {
    const patch =
      to === MERGE
        ? { mergeIntoId: mergeInto }
        : {
            status: to as Exclude<RequestStatus, "merged">,
            ...(to === "declined" ? { declineReason: reason } : {}),
            ...(to === "delivered" && assetId ? { deliveredAssetId: assetId } : {}),
          };
    run(() => updateRequestAction({ id, patch }));
  }
  const message = Object.values(fieldErrors)[0]?.[0] ?? error;

  return (
    <div
      className="mt-2 space-y-2 border-t border-slate-100 pt-2"
      role="group"
      aria-label={`Triage “${title}”`}
    >
      <Field id={`${uid}-to`} label="Move to">
        <Select id={`${uid}-to`} value={to} onChange={(e) => setTo(e.target.value)}>
          {moves.map((s) => (
            <option key={s} value={s}>
              {requestStatusLabels[s]}
            </option>
          ))}
          {canMerge ? <option value={MERGE}>Merge into another request</option> : null}
        </Select>
      </Field>
      {to === "declined" ? (
        <Field id={`${uid}-reason`} label="Reason (the requester sees it)">
          <TextArea
            id={`${uid}-reason`}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            rows={2}
          />
        </Field>
      ) : null}
      {to === "delivered" ? (
        <AssetSearchPicker
          id={`${uid}-asset-q`}
          label="Asset that answers it"
          listLabel="Choose the asset"
          choice={{
            type: "radio",
            name: `${uid}-asset`,
            isChosen: (a) => assetId === a.id,
            onChoose: (a) => setAssetId(a.id),
          }}
        />
      ) : null}
      {to === MERGE ? (
        <Field id={`${uid}-merge`} label="It duplicates">
          <Select
            id={`${uid}-merge`}
            value={mergeInto}
            onChange={(e) => setMergeInto(e.target.value)}
            options={mergeTargets.map((t) => ({ value: t.id, label: t.title }))}
          />
        </Field>
      ) : null}
      <Button variant="secondary" className="w-full text-xs" disabled={pending} onClick={apply}>
        Apply
      </Button>
      {message ? (
        <p role="alert" className="text-xs text-red-600">
          {message}
        </p>
      ) : null}
    </div>
  );
}
