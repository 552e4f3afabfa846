"use client";

import { useId, useState } from "react";
import { useServerAction } from "@/components/ui/use-server-action";
import { Button } from "@/components/ui/button";
import { Field, FormError, Select, TextInput } from "@/components/ui/field";
import { ratingReasonLabels, ratingReasons, type RatingReason } from "@/lib/feedback";
import { rateAssetAction } from "@/server/feedback/feedback-actions";

export interface MyRating {
  helped: boolean;
  reason: RatingReason | null;
  reasonText: string;
}

/** "Did it help?": one click for helped; didn't help asks for an optional reason. Changeable any time. */
export function RateAssetForm({
  assetId,
  myRating,
  prompt = "Did it help?",
}: {
  assetId: string;
  myRating: MyRating | null;
  prompt?: string;
}) {
  const id = useId();
  const { run, pending, error: failure, fieldErrors } = useServerAction();
  const error = fieldErrors.reasonText?.[0] ?? failure;
  const [current, setCurrent] = useState(myRating);
  const [askReason, setAskReason] = useState(false);
  const [reason, setReason] = useState<RatingReason | "">(myRating?.reason ?? "");
  const [reasonText, setReasonText] = useState(myRating?.reasonText ?? "");

  const save = (rating: MyRating) =>
    run(() => rateAssetAction({ assetId, rating }), {
      onSuccess: () => {
        setCurrent(rating);
        setAskReason(false);
      },
    });

  return (
    <div className="space-y-2" role="group" aria-labelledby={`${id}-prompt`}>
      <p id={`${id}-prompt`} className="text-sm font-medium text-slate-700">
        {prompt}
      </p>
      <div className="flex flex-wrap gap-2">
        <Button
          variant={current?.helped === true ? "primary" : "secondary"}
          aria-pressed={current?.helped === true}
          disabled={pending}
          onClick={() => save({ helped: true, reason: null, reasonText: "" })}
        >
          Helped
        </Button>
        <Button
          variant={current?.helped === false ? "primary" : "secondary"}
          aria-pressed={current?.helped === false}
          disabled={pending}
          onClick={() => setAskReason(true)}
        >
          Didn’t help
        </Button>
      </div>
      {askReason ? (
        <form
          aria-label="Why it didn’t help"
          className="space-y-2"
          onSubmit={(e) => {
            e.preventDefault();
            save({ helped: false, reason: reason || null, reasonText: reasonText.trim() });
          }}
        >
          <Field id={`${id}-reason`} label="What was wrong? (optional)">
            <Select
              id={`${id}-reason`}
              value={reason}
              onChange={(e) => setReason(e.target.value as RatingReason | "")}
              placeholder="No particular reason"
              options={ratingReasons.map((r) => ({ value: r, label: ratingReasonLabels[r] }))}
            />
          </Field>
          <Field
            id={`${id}-text`}
            label="Details"
            hint={reason === "other" ? "Required for Other" : undefined}
          >
            <TextInput
              id={`${id}-text`}
              value={reasonText}
              maxLength={1000}
              onChange={(e) => setReasonText(e.target.value)}
            />
          </Field>
          <Button type="submit" disabled={pending}>
            Save rating
          </Button>
        </form>
      ) : null}
      {current && !askReason ? (
        <p role="status" className="text-xs text-slate-500">
          You rated this {current.helped ? "helpful" : "not helpful"}
          {current.reason ? ` (${ratingReasonLabels[current.reason]})` : ""}. You can change it any time.
        </p>
      ) : null}
      <FormError message={error} />
    </div>
  );
}
