import { StepAssetList } from "./step-asset-list";
import type { AssetType } from "@/lib/assets";

export interface StepView {
  id: string;
  title: string;
  stageName: string;
  guidance: string;
  assets: { id: string; title: string; type: AssetType }[];
  done?: boolean;
}

/** A play's steps in order: stage, guidance and the assets to use (read-only). */
export function PlayStepsView({ steps, label }: { steps: StepView[]; label: string }) {
  return (
    <ol className="space-y-3" aria-label={label}>
      {steps.map((s, i) => (
        <li key={s.id} className="rounded-md p-3 ring-1 ring-slate-200">
          <p className="text-sm font-medium">
            {i + 1}. {s.title} <span className="font-normal text-slate-500">· {s.stageName}</span>
            {s.done ? <span className="ml-2 text-xs font-medium text-emerald-700">Done</span> : null}
          </p>
          {s.guidance ? (
            <p className="mt-1 whitespace-pre-line text-sm text-slate-600">{s.guidance}</p>
          ) : null}
          <StepAssetList stepTitle={s.title} assets={s.assets} />
        </li>
      ))}
    </ol>
  );
}
