"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Field, FormError, Select, TextArea, TextInput, choicesOf } from "@/components/ui/field";
import { useServerAction } from "@/components/ui/use-server-action";
import { savePlayAction } from "@/server/plays/play-actions";
import { AssetAdder, type PickedAsset } from "./asset-adder";

export interface EditableStep {
  key: string;
  id?: string;
  stageId: string;
  title: string;
  guidance: string;
  assets: PickedAsset[];
}

export interface EditablePlay {
  id?: string;
  name: string;
  scenario: string;
  steps: EditableStep[];
}

type Stage = { id: string; name: string };

/** Builds a play: a name, the scenario, and ordered steps, each bound to a stage with assets and guidance. */
export function PlayEditor({ play, stages }: { play: EditablePlay; stages: Stage[] }) {
  const router = useRouter();
  const [name, setName] = useState(play.name);
  const [scenario, setScenario] = useState(play.scenario);
  const [steps, setSteps] = useState<EditableStep[]>(play.steps);
  const { run, pending, error, fieldErrors: errors } = useServerAction();
  const [saved, setSaved] = useState(false);
  const message = error ?? (saved ? "Play saved" : undefined);

  const update = (key: string, patch: Partial<EditableStep>) =>
    setSteps((all) => all.map((s) => (s.key === key ? { ...s, ...patch } : s)));
  const move = (index: number, by: -1 | 1) =>
    setSteps((all) => {
      const next = [...all];
      const [step] = next.splice(index, 1);
      next.splice(index + by, 0, step!);
      return next;
    });
  const addStep = () =>
    setSteps((all) => [
      ...all,
      {
        key: crypto.randomUUID(),
        stageId: all.at(-1)?.stageId ?? stages[0]?.id ?? "",
        title: "",
        guidance: "",
        assets: [],
      },
    ]);

  // A new play opens at its own address; an existing one refreshes in place.
  const save = () =>
    run(
      () =>
        savePlayAction({
          playId: play.id,
          name,
          scenario,
          steps: steps.map((s) => ({
            id: s.id,
            stageId: s.stageId,
            title: s.title,
            guidance: s.guidance,
            assetIds: s.assets.map((a) => a.id),
          })),
        }),
      {
        refresh: Boolean(play.id),
        onSuccess: (data) => {
          setSaved(true);
          if (!play.id) router.push(`/plays/${data.id}`);
        },
      },
    );

  const stepError = (i: number, field: string) => errors[`steps.${i}.${field}`]?.[0];

  return (
    <form
      aria-label="Play"
      className="space-y-6"
      onSubmit={(e) => {
        e.preventDefault();
        save();
      }}
    >
      <div className="grid gap-4 md:grid-cols-2">
        <Field id="play-name" label="Play name" error={errors.name?.[0]}>
          <TextInput
            id="play-name"
            value={name}
            maxLength={120}
            invalid={Boolean(errors.name)}
            onChange={(e) => setName(e.target.value)}
          />
        </Field>
        <Field id="play-scenario" label="Scenario" hint="When a rep should run this play">
          <TextArea
            id="play-scenario"
            value={scenario}
            maxLength={2000}
            onChange={(e) => setScenario(e.target.value)}
          />
        </Field>
      </div>
      <ol className="space-y-4" aria-label="Steps">
        {steps.map((step, i) => {
          const label = `step ${i + 1}`;
          return (
            <li key={step.key} className="rounded-md p-4 ring-1 ring-slate-200" aria-label={`Step ${i + 1}`}>
              <div className="mb-3 flex items-center justify-between gap-2">
                <h3 className="text-sm font-semibold">Step {i + 1}</h3>
                <div className="flex gap-1">
                  <Button
                    variant="ghost"
                    disabled={i === 0}
                    onClick={() => move(i, -1)}
                    aria-label={`Move ${label} up`}
                  >
                    ↑
                  </Button>
                  <Button
                    variant="ghost"
                    disabled={i === steps.length - 1}
                    onClick={() => move(i, 1)}
                    aria-label={`Move ${label} down`}
                  >
                    ↓
                  </Button>
                  <Button
                    variant="ghost"
                    onClick={() => setSteps((all) => all.filter((s) => s.key !== step.key))}
                    aria-label={`Remove ${label}`}
                  >
                    Remove
                  </Button>
                </div>
              </div>
              <div className="grid gap-3 md:grid-cols-2">
                <Field id={`${step.key}-title`} label={`Step ${i + 1} title`} error={stepError(i, "title")}>
                  <TextInput
                    id={`${step.key}-title`}
                    value={step.title}
                    maxLength={200}
                    invalid={Boolean(stepError(i, "title"))}
                    onChange={(e) => update(step.key, { title: e.target.value })}
                  />
                </Field>
                <Field id={`${step.key}-stage`} label={`Step ${i + 1} stage`}>
                  <Select
                    id={`${step.key}-stage`}
                    value={step.stageId}
                    onChange={(e) => update(step.key, { stageId: e.target.value })}
                    options={choicesOf(stages)}
                  />
                </Field>
                <div className="md:col-span-2">
                  <Field
                    id={`${step.key}-guidance`}
                    label={`Step ${i + 1} guidance`}
                    hint="When to send it and the talk track, e.g. “send after the discovery call”"
                  >
                    <TextArea
                      id={`${step.key}-guidance`}
                      value={step.guidance}
                      maxLength={4000}
                      onChange={(e) => update(step.key, { guidance: e.target.value })}
                    />
                  </Field>
                </div>
              </div>
              <div className="mt-3 space-y-2">
                {step.assets.length ? (
                  <ul className="flex flex-wrap gap-2" aria-label={`Assets in ${label}`}>
                    {step.assets.map((a) => (
                      <li
                        key={a.id}
                        className="flex items-center gap-1 rounded-full bg-slate-100 py-0.5 pl-3 pr-1 text-sm"
                      >
                        {a.title}
                        <button
                          type="button"
                          className="rounded-full px-1.5 text-slate-500 hover:bg-slate-200"
                          aria-label={`Remove “${a.title}” from ${label}`}
                          onClick={() =>
                            update(step.key, { assets: step.assets.filter((x) => x.id !== a.id) })
                          }
                        >
                          ×
                        </button>
                      </li>
                    ))}
                  </ul>
                ) : (
                  <p className={`text-xs ${stepError(i, "assetIds") ? "text-red-600" : "text-slate-500"}`}>
                    {stepError(i, "assetIds") ?? "No assets yet: add at least one published asset."}
                  </p>
                )}
                <AssetAdder
                  stepLabel={label}
                  exclude={step.assets.map((a) => a.id)}
                  onAdd={(a) => update(step.key, { assets: [...step.assets, a] })}
                />
              </div>
            </li>
          );
        })}
      </ol>
      <FormError message={errors.steps?.[0]} />
      <div className="flex flex-wrap items-center gap-3">
        <Button variant="secondary" onClick={addStep}>
          Add step
        </Button>
        <Button type="submit" disabled={pending}>
          Save play
        </Button>
        {message ? (
          <p role={message === "Play saved" ? "status" : "alert"} className="text-sm text-slate-700">
            {message}
          </p>
        ) : null}
      </div>
    </form>
  );
}
