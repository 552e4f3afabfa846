"use client";

import { useRouter } from "next/navigation";
import { useRef, useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Field, Select, TextArea, TextInput } from "@/components/ui/field";
import { assetTypeLabels, assetTypes } from "@/lib/assets";
import { acceptAttribute } from "@/lib/file-types";
import { formatBytes } from "@/lib/format";
import { errorMessageOf, sendUpload } from "./upload-request";

type Stage = { id: string; name: string };

export function UploadForm({ stages, canPublish }: { stages: Stage[]; canPublish: boolean }) {
  const router = useRouter();
  const [file, setFile] = useState<File | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<string>();
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[]>>({});
  const [dragging, setDragging] = useState(false);
  const abort = useRef<AbortController | null>(null);
  const [duplicate, setDuplicate] = useState<{ id: string; data: FormData } | null>(null);

  function chooseFile(f: File | undefined) {
    setFile(f ?? null);
    setError(undefined);
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    await submit(new FormData(event.currentTarget), false);
  }

  async function submit(data: FormData, allowDuplicate: boolean) {
    setDuplicate(null);
    if (!file) {
      setFieldErrors({ file: ["Choose a file to upload"] });
      return;
    }
    const metadata = {
      title: String(data.get("title") ?? ""),
      type: String(data.get("type") ?? ""),
      description: String(data.get("description") ?? ""),
      stageIds: data.getAll("stageIds").map(String),
      status: data.get("publish") === "on" ? "published" : "draft",
      allowDuplicate,
    };
    const body = new FormData();
    // Metadata first: the server validates it while the file streams in after it.
    body.append("metadata", JSON.stringify(metadata));
    body.append("file", file, file.name);
    setError(undefined);
    setFieldErrors({});
    setProgress(0);
    abort.current = new AbortController();
    try {
      const result = await sendUpload("/api/v1/assets", body, setProgress, abort.current.signal);
      if (result.ok) {
        router.push(`/assets/${(result.body as { id: string }).id}`);
        return;
      }
      const {
        message,
        fieldErrors: fe,
        details,
      } = errorMessageOf(result.body, `Upload failed (${result.status})`);
      setError(message);
      if (details?.existingAssetId) setDuplicate({ id: details.existingAssetId, data });
      setFieldErrors(fe ?? {});
    } catch (e) {
      setError(
        (e as Error).name === "AbortError" ? "Upload cancelled. Nothing was saved." : (e as Error).message,
      );
    }
    setProgress(null);
  }

  const fe = (k: string) => fieldErrors[k]?.[0];

  return (
    <form
      onSubmit={onSubmit}
      className="max-w-2xl space-y-5 rounded-lg bg-white p-6 shadow-sm ring-1 ring-slate-200"
      noValidate
    >
      {error ? (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">
          {error}
        </p>
      ) : null}
      {duplicate ? (
        <div className="flex flex-wrap gap-3 text-sm">
          <a href={`/assets/${duplicate.id}`} className="font-medium text-brand-700 underline">
            Open the existing asset
          </a>
          <button type="button" className="underline" onClick={() => void submit(duplicate.data, true)}>
            Upload it anyway as a separate asset
          </button>
        </div>
      ) : null}
      <div
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={(e) => {
          e.preventDefault();
          setDragging(false);
          chooseFile(e.dataTransfer.files[0]);
        }}
        className={`rounded-lg border-2 border-dashed p-6 text-center ${dragging ? "border-brand-500 bg-brand-50" : "border-slate-300"}`}
      >
        <label htmlFor="file" className="cursor-pointer text-sm font-medium text-brand-700 underline">
          Choose a file
        </label>
        <span className="text-sm text-slate-500"> or drag it here</span>
        <input
          id="file"
          name="file"
          type="file"
          accept={acceptAttribute}
          className="sr-only"
          onChange={(e) => chooseFile(e.target.files?.[0])}
        />
        <p className="mt-2 text-xs text-slate-500" aria-live="polite">
          {file
            ? `${file.name} · ${formatBytes(file.size)}`
            : "PDF, PowerPoint, Word, Excel, CSV, text, images or video"}
        </p>
        {fe("file") ? (
          <p className="mt-1 text-xs text-red-600" role="alert">
            {fe("file")}
          </p>
        ) : null}
      </div>
      <Field id="title" label="Title" error={fe("title")}>
        <TextInput id="title" name="title" required invalid={Boolean(fe("title"))} />
      </Field>
      <Field id="type" label="Type" error={fe("type")}>
        <Select id="type" name="type" defaultValue="case_study">
          {assetTypes.map((t) => (
            <option key={t} value={t}>
              {assetTypeLabels[t]}
            </option>
          ))}
        </Select>
      </Field>
      <fieldset>
        <legend className="text-sm font-medium text-slate-700">Buying stages</legend>
        <div className="mt-2 flex flex-wrap gap-3">
          {stages.map((s) => (
            <label key={s.id} className="flex items-center gap-2 text-sm">
              <input
                type="checkbox"
                name="stageIds"
                value={s.id}
                className="h-4 w-4 rounded border-slate-300"
              />
              {s.name}
            </label>
          ))}
        </div>
        {fe("stageIds") ? (
          <p className="mt-1 text-xs text-red-600" role="alert">
            {fe("stageIds")}
          </p>
        ) : null}
      </fieldset>
      <Field id="description" label="Description" hint="When should a rep use this?">
        <TextArea id="description" name="description" />
      </Field>
      {canPublish ? (
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" name="publish" className="h-4 w-4 rounded border-slate-300" />
          Publish now (otherwise it is saved as a draft)
        </label>
      ) : null}
      {progress !== null ? (
        <div className="space-y-1">
          <div
            role="progressbar"
            aria-label="Upload progress"
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={Math.round(progress * 100)}
            className="h-2 overflow-hidden rounded bg-slate-100"
          >
            <div
              className="h-full bg-brand-600 transition-all"
              style={{ width: `${Math.round(progress * 100)}%` }}
            />
          </div>
          <div className="flex justify-between text-xs text-slate-500">
            <span>{Math.round(progress * 100)}%</span>
            <button type="button" className="underline" onClick={() => abort.current?.abort()}>
              Cancel upload
            </button>
          </div>
        </div>
      ) : null}
      <Button type="submit" disabled={progress !== null}>
        {progress !== null ? "Uploading…" : "Upload"}
      </Button>
    </form>
  );
}
