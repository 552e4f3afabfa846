"use client";

import { useRouter } from "next/navigation";
import { useEffect, useState, useSyncExternalStore, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Field, Select, TextArea } from "@/components/ui/field";
import { assetTypeLabels, assetTypes, type AssetType } from "@/lib/assets";
import { FileDropZone } from "./file-drop-zone";
import { isInFlight, summarizeQueue, UploadQueue, type SharedMetadata } from "./upload-queue";
import { UploadQueueItem } from "./upload-queue-item";
import { sendUpload } from "./upload-request";

type Stage = { id: string; name: string };

export function UploadForm({ stages, canPublish }: { stages: Stage[]; canPublish: boolean }) {
  const router = useRouter();
  const [queue] = useState(() => new UploadQueue(sendUpload));
  const items = useSyncExternalStore(queue.subscribe, queue.getSnapshot, queue.getSnapshot);
  const [type, setType] = useState<AssetType>("case_study");
  const [stageIds, setStageIds] = useState<string[]>([]);
  const [description, setDescription] = useState("");
  const [publish, setPublish] = useState(false);
  const [errors, setErrors] = useState<{ files?: string; stageIds?: string }>({});

  // Leaving the page stops whatever is still sending.
  useEffect(() => () => queue.cancelAll(), [queue]);

  // A single file that uploads goes straight to its new asset, as the one-file form always did.
  const only = items.length === 1 ? items[0] : undefined;
  const singleDoneId = only?.status === "done" ? only.assetId : undefined;
  useEffect(() => {
    if (singleDoneId) router.push(`/assets/${singleDoneId}`);
  }, [singleDoneId, router]);

  const ready = items.filter((i) => i.status === "queued");
  const sending = items.some((i) => isInFlight(i.status));
  const summary = items.length > 1 ? summarizeQueue(items) : null;

  function sharedMetadata(): SharedMetadata | null {
    if (stageIds.length === 0) {
      setErrors((e) => ({ ...e, stageIds: "Tag at least one buying stage" }));
      return null;
    }
    setErrors({});
    return { type, description, stageIds, status: canPublish && publish ? "published" : "draft" };
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (ready.length === 0) {
      setErrors({ files: "Add at least one file to upload" });
      return;
    }
    const metadata = sharedMetadata();
    if (metadata)
      queue.start(
        ready.map((i) => i.key),
        metadata,
      );
  }

  function resend(key: string, allowDuplicate: boolean) {
    const metadata = sharedMetadata();
    if (metadata) queue.start([key], metadata, { allowDuplicate });
  }

  function addFiles(files: File[]) {
    queue.add(files);
    if (files.length) setErrors((e) => ({ ...e, files: undefined }));
  }

  function toggleStage(id: string, checked: boolean) {
    setStageIds((ids) => (checked ? [...ids, id] : ids.filter((s) => s !== id)));
    if (checked) setErrors((e) => ({ ...e, stageIds: undefined }));
  }

  return (
    <form
      onSubmit={onSubmit}
      className="max-w-3xl space-y-5 rounded-lg bg-white p-6 shadow-sm ring-1 ring-slate-200"
      noValidate
    >
      <FileDropZone onFiles={addFiles} error={errors.files} />

      {items.length ? (
        <ul aria-label="Files to upload" className="divide-y divide-slate-100 border-y border-slate-100">
          {items.map((item) => (
            <UploadQueueItem
              key={item.key}
              item={item}
              onTitleChange={(title) => queue.setTitle(item.key, title)}
              onRemove={() => queue.remove(item.key)}
              onCancel={() => queue.cancel(item.key)}
              onRetry={() => resend(item.key, false)}
              onUploadAnyway={() => resend(item.key, true)}
            />
          ))}
        </ul>
      ) : null}

      <Field id="type" label="Type">
        <Select
          id="type"
          value={type}
          onChange={(e) => setType(e.target.value as AssetType)}
          options={assetTypes.map((t) => ({ value: t, label: assetTypeLabels[t] }))}
        />
      </Field>
      <fieldset aria-describedby={errors.stageIds ? "stageIds-error" : undefined}>
        <legend className="text-sm font-medium text-slate-700">Buying stages</legend>
        <div className="mt-2 flex flex-wrap gap-3">
          {stages.map((s) => (
            <label key={s.id} className="flex items-center gap-2 text-sm">
              <input
                type="checkbox"
                checked={stageIds.includes(s.id)}
                onChange={(e) => toggleStage(s.id, e.target.checked)}
                className="h-4 w-4 rounded border-slate-300"
              />
              {s.name}
            </label>
          ))}
        </div>
        {errors.stageIds ? (
          <p id="stageIds-error" className="mt-1 text-xs text-red-600" role="alert">
            {errors.stageIds}
          </p>
        ) : null}
      </fieldset>
      <Field id="description" label="Description" hint="When should a rep use this?">
        <TextArea id="description" value={description} onChange={(e) => setDescription(e.target.value)} />
      </Field>
      {canPublish ? (
        <label className="flex items-center gap-2 text-sm">
          <input
            type="checkbox"
            checked={publish}
            onChange={(e) => setPublish(e.target.checked)}
            className="h-4 w-4 rounded border-slate-300"
          />
          Publish now (otherwise they are saved as drafts)
        </label>
      ) : null}
      <p className="text-xs text-slate-500">
        Type, stages, description and publishing apply to every file; each file keeps its own title.
      </p>

      <div className="flex flex-wrap items-center gap-4">
        <Button type="submit" disabled={ready.length === 0 && items.length > 0}>
          {ready.length === 0
            ? sending
              ? "Uploading…"
              : "Upload files"
            : `Upload ${ready.length} ${ready.length === 1 ? "file" : "files"}`}
        </Button>
        <p role="status" className="text-sm font-medium text-slate-700">
          {summary}
        </p>
      </div>
    </form>
  );
}
