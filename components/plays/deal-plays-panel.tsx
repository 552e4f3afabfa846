import { StepAssetList } from "./step-asset-list";
import type { AssetType } from "@/lib/assets";
import { PlayStepsView } from "./play-steps-view";
import { AttachPlayForm, CompleteStepButton } from "./play-buttons";

interface Step {
  id: string;
  title: string;
  guidance: string;
  stageName: string;
  assets: { id: string; title: string; type: AssetType }[];
  doneAt: Date | null;
}

export interface DealPlayView {
  dealPlayId: string;
  name: string;
  done: number;
  total: number;
  steps: Step[];
  forStage: Step[];
  upNext: Step | null;
}

function StepCard({ step, dealPlayId, canRun }: { step: Step; dealPlayId: string; canRun: boolean }) {
  return (
    <li className="rounded-md p-3 ring-1 ring-slate-200" aria-label={step.title}>
      <div className="flex items-start justify-between gap-3">
        <div className="min-w-0">
          <p className="text-sm font-medium">{step.title}</p>
          {step.guidance ? (
            <p className="mt-1 whitespace-pre-line text-sm text-slate-600">{step.guidance}</p>
          ) : null}
        </div>
        {step.doneAt ? (
          <span className="shrink-0 text-sm font-medium text-emerald-700">Done</span>
        ) : canRun ? (
          <CompleteStepButton dealPlayId={dealPlayId} stepId={step.id} title={step.title} />
        ) : null}
      </div>
      <StepAssetList stepTitle={step.title} assets={step.assets} />
    </li>
  );
}

/**
 * Plays running on a deal: progress, the next step(s) for the deal's current stage with their assets and
 * guidance, and what comes up next; plus starting another play.
 */
export function DealPlaysPanel({
  dealId,
  stageName,
  running,
  available,
  canRun,
}: {
  dealId: string;
  stageName: string;
  running: DealPlayView[];
  available: { id: string; name: string }[];
  canRun: boolean;
}) {
  return (
    <div className="space-y-5">
      {running.length === 0 ? (
        <p className="text-sm text-slate-500">
          {canRun && available.length
            ? "No play on this deal yet. Run one to get the next step for each stage."
            : "No play is running on this deal."}
        </p>
      ) : null}
      {running.map((p) => (
        <section key={p.dealPlayId} aria-label={`Play: ${p.name}`} className="space-y-3">
          <div className="flex flex-wrap items-center justify-between gap-2">
            <h3 className="text-sm font-semibold">{p.name}</h3>
            <span className="flex items-center gap-2 text-xs text-slate-600">
              <progress value={p.done} max={p.total} className="h-2 w-24" aria-label={`${p.name} progress`} />
              <span data-testid="play-progress">
                {p.done} of {p.total} steps done
              </span>
            </span>
          </div>
          {p.forStage.length ? (
            <div>
              <p className="mb-2 text-xs font-medium uppercase tracking-wide text-slate-500">
                Next step for {stageName}
              </p>
              <ul className="space-y-2">
                {p.forStage.map((s) => (
                  <StepCard key={s.id} step={s} dealPlayId={p.dealPlayId} canRun={canRun} />
                ))}
              </ul>
            </div>
          ) : (
            <p className="text-sm text-slate-600">This play has no step for {stageName}.</p>
          )}
          {p.upNext ? (
            <p className="text-sm text-slate-600">
              Up next at {p.upNext.stageName}: <span className="font-medium">{p.upNext.title}</span>
            </p>
          ) : p.done === p.total ? (
            <p className="text-sm font-medium text-emerald-700">Every step of this play is done.</p>
          ) : null}
          <details>
            <summary className="cursor-pointer text-sm text-brand-700">All steps</summary>
            <div className="mt-2">
              <PlayStepsView
                label={`All steps of ${p.name}`}
                steps={p.steps.map((s) => ({ ...s, done: s.doneAt !== null }))}
              />
            </div>
          </details>
        </section>
      ))}
      {canRun ? <AttachPlayForm dealId={dealId} plays={available} /> : null}
    </div>
  );
}
