"use client";

import Link from "next/link";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Button, VerbButton } from "@/components/ui/button";
import { TextInput } from "@/components/ui/field";
import { formatBytes } from "@/lib/format";
import { canEdit, type QueuedUpload, type UploadStatus } from "./upload-queue";

const statusBadges: Record<UploadStatus, { label: string; tone: BadgeTone }> = {
  queued: { label: "Ready", tone: "slate" },
  waiting: { label: "Waiting", tone: "slate" },
  uploading: { label: "Uploading", tone: "blue" },
  done: { label: "Uploaded", tone: "green" },
  failed: { label: "Failed", tone: "red" },
  duplicate: { label: "Already in the library", tone: "amber" },
  cancelled: { label: "Cancelled", tone: "amber" },
};

const linkClass = "font-medium text-brand-700 underline";
const smallButton = "px-2 py-1 text-xs";

/** One file in the upload queue: its title, a real progress bar while sending, and its outcome. */
export function UploadQueueItem({
  item,
  onTitleChange,
  onRemove,
  onCancel,
  onRetry,
  onUploadAnyway,
}: {
  item: QueuedUpload;
  onTitleChange: (title: string) => void;
  onRemove: () => void;
  onCancel: () => void;
  onRetry: () => void;
  onUploadAnyway: () => void;
}) {
  const { file, status } = item;
  const badge = statusBadges[status];
  const titleId = `title-${item.key}`;
  const percent = Math.round(item.progress * 100);
  // The file's own small buttons, each named with the file.
  const fileButton = (verb: string, variant: "secondary" | "ghost", onClick: () => void) => (
    <VerbButton verb={verb} object={file.name} variant={variant} className={smallButton} onClick={onClick} />
  );
  // A failed or cancelled upload offers the same retry.
  const retry = fileButton("Retry", "secondary", onRetry);

  return (
    <li className="space-y-2 py-3">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p className="min-w-0 text-sm break-all text-slate-700">{`${file.name} · ${formatBytes(file.size)}`}</p>
        <div className="flex items-center gap-2">
          <Badge tone={badge.tone}>{badge.label}</Badge>
          {status === "waiting" || status === "uploading"
            ? fileButton("Cancel", "secondary", onCancel)
            : null}
          {canEdit(status) ? fileButton("Remove", "ghost", onRemove) : null}
        </div>
      </div>

      {canEdit(status) ? (
        <div className="space-y-1">
          <label htmlFor={titleId} className="block text-xs font-medium text-slate-600">
            Title<span className="sr-only"> for {file.name}</span>
          </label>
          <TextInput
            id={titleId}
            value={item.title}
            maxLength={200}
            required
            invalid={Boolean(item.titleError)}
            onChange={(event) => onTitleChange(event.target.value)}
          />
          {item.titleError ? (
            <p id={`${titleId}-error`} className="text-xs text-red-600" role="alert">
              {item.titleError}
            </p>
          ) : null}
        </div>
      ) : status !== "done" ? (
        <p className="text-sm font-medium text-slate-900">{item.title}</p>
      ) : null}

      {status === "uploading" ? (
        <div className="flex items-center gap-3">
          <div
            role="progressbar"
            aria-label={`Uploading ${file.name}`}
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={percent}
            aria-valuetext={`${percent}%`}
            className="h-2 flex-1 overflow-hidden rounded bg-slate-100"
          >
            <div className="h-full bg-brand-600 transition-[width]" style={{ width: `${percent}%` }} />
          </div>
          <span className="w-28 text-right text-xs text-slate-500 tabular-nums">
            {percent < 100 ? `${percent}%` : "Checking the file…"}
          </span>
        </div>
      ) : null}

      {status === "done" && item.assetId ? (
        <p className="text-sm text-slate-700">
          <Link href={`/assets/${item.assetId}`} className={linkClass}>
            Open {item.assetTitle ?? item.title}
          </Link>
        </p>
      ) : null}

      {status === "failed" ? (
        <div className="flex flex-wrap items-center gap-3">
          <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">
            {item.error}
          </p>
          {retry}
        </div>
      ) : null}

      {status === "duplicate" ? (
        <div className="space-y-2">
          <p role="alert" className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-800">
            {item.error}
          </p>
          <div className="flex flex-wrap items-center gap-3 text-sm">
            <Link href={`/assets/${item.existingAssetId}`} className={linkClass}>
              Open the existing asset
            </Link>
            <Button variant="secondary" className={smallButton} onClick={onUploadAnyway}>
              Upload anyway
            </Button>
          </div>
        </div>
      ) : null}

      {status === "cancelled" ? (
        <div className="flex flex-wrap items-center gap-3">
          <p className="text-sm text-slate-600">Nothing was saved for this file.</p>
          {retry}
        </div>
      ) : null}
    </li>
  );
}
