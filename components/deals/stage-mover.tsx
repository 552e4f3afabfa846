"use client";

import { FormError, Select, choicesOf } from "@/components/ui/field";
import { useServerAction } from "@/components/ui/use-server-action";
import { moveDealStageAction } from "@/server/deals/deal-actions";

export function StageMover({
  dealId,
  stageId,
  stages,
}: {
  dealId: string;
  stageId: string;
  stages: { id: string; name: string }[];
}) {
  const { run, pending, error } = useServerAction();
  return (
    <div className="flex items-center gap-2">
      <label htmlFor="deal-stage" className="text-sm font-medium text-slate-700">
        Stage
      </label>
      <div className="w-44">
        <Select
          id="deal-stage"
          value={stageId}
          disabled={pending}
          onChange={(e) => {
            const next = e.target.value;
            run(() => moveDealStageAction({ dealId, stageId: next }));
          }}
          options={choicesOf(stages)}
        />
      </div>
      <FormError message={error} />
    </div>
  );
}
