"use client";

import { Button } from "@/components/ui/button";
import { ratingReasonLabels, type RatingReason } from "@/lib/feedback";
import { acknowledgeRatingsAction } from "@/server/feedback/feedback-actions";
import { FormError } from "@/components/ui/field";
import { useServerAction } from "@/components/ui/use-server-action";

export interface NewRating {
  id: string;
  userName: string;
  reason: RatingReason | null;
  reasonText: string;
  when: string;
}

/** For the owner: "didn't help" ratings not read yet, and a button to mark them read. */
export function NewRatings({ assetId, ratings }: { assetId: string; ratings: NewRating[] }) {
  const { run, pending, error } = useServerAction();
  if (ratings.length === 0) return null;
  return (
    <div className="mt-3 space-y-2 border-t border-slate-100 pt-3">
      <p className="text-sm font-medium text-slate-700">New “didn’t help” ratings</p>
      <ul className="space-y-1 text-sm" aria-label="New didn't help ratings">
        {ratings.map((r) => (
          <li key={r.id}>
            <span className="font-medium">{r.userName}</span>
            {r.reason ? ` · ${ratingReasonLabels[r.reason]}` : ""}
            {r.reasonText ? ` — ${r.reasonText}` : ""}{" "}
            <span className="text-xs text-slate-500">{r.when}</span>
          </li>
        ))}
      </ul>
      <Button
        variant="secondary"
        disabled={pending}
        onClick={() => run(() => acknowledgeRatingsAction({ assetId }))}
      >
        Mark as read
      </Button>
      <FormError message={error} />
    </div>
  );
}
