"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Field, FormError, TextInput } from "@/components/ui/field";
import { acceptAttribute } from "@/lib/file-types";
import { errorMessageOf, sendUpload } from "./upload-request";

/** Replaces the asset's file with a new version; history and usages are kept. */
export function NewVersionForm({ assetId }: { assetId: string }) {
  const router = useRouter();
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<string>();

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const file = data.get("file");
    if (!(file instanceof File) || file.size === 0) return setError("Choose the new file");
    const body = new FormData();
    body.append("note", String(data.get("note") ?? ""));
    body.append("file", file, file.name);
    setError(undefined);
    setProgress(0);
    try {
      const result = await sendUpload(`/api/v1/assets/${assetId}/versions`, body, setProgress);
      if (result.ok) {
        form.reset();
        router.refresh();
      } else setError(errorMessageOf(result.body, `Upload failed (${result.status})`).message);
    } catch (e) {
      setError((e as Error).message);
    }
    setProgress(null);
  }

  return (
    <form onSubmit={onSubmit} className="space-y-3" aria-label="Upload a new version" noValidate>
      <Field id="version-file" label="New file">
        <input
          id="version-file"
          name="file"
          type="file"
          accept={acceptAttribute}
          className="block w-full text-sm"
        />
      </Field>
      <Field id="version-note" label="What changed (optional)">
        <TextInput id="version-note" name="note" maxLength={500} />
      </Field>
      {progress !== null ? (
        <div
          role="progressbar"
          aria-label="Upload progress"
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={Math.round(progress * 100)}
          className="h-2 overflow-hidden rounded bg-slate-100"
        >
          <div className="h-full bg-brand-600" style={{ width: `${Math.round(progress * 100)}%` }} />
        </div>
      ) : null}
      <FormError message={error} />
      <Button type="submit" variant="secondary" disabled={progress !== null}>
        Upload new version
      </Button>
    </form>
  );
}
