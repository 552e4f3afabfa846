"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { FormError, Select } from "@/components/ui/field";
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
  const router = useRouter();
  const [pending, start] = useTransition();
  const [error, setError] = useState<string>();
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
          onChange={(e) =>
            start(async () => {
              const result = await moveDealStageAction({ dealId, stageId: e.target.value });
              if (result.ok) router.refresh();
              else setError(result.error);
            })
          }
        >
          {stages.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </Select>
      </div>
      <FormError message={error} />
    </div>
  );
}
