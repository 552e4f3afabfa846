import { PageViewer } from "./page-viewer";
import { ProcessingWatcher } from "./processing-watcher";

export interface ViewerFile {
  mimeType: string;
  processingState: "pending" | "done" | "failed";
  processingError: string | null;
  pageCount: number | null;
  previewPageCount: number;
}

/**
 * Shows an asset in the browser with what Baton rendered itself: page images for PDFs and images, a video
 * player for video, and the extracted text of office and text files (their download is beside it).
 */
export function AssetViewer({
  assetId,
  title,
  file,
  text,
  showFailureReason,
}: {
  assetId: string;
  title: string;
  file: ViewerFile;
  text: { text: string | null; totalChars: number };
  showFailureReason: boolean;
}) {
  if (file.mimeType.startsWith("video/")) {
    return (
      <video
        controls
        preload="metadata"
        className="w-full rounded-md bg-black"
        aria-label={`${title} (video)`}
      >
        <source src={`/api/v1/assets/${assetId}/stream`} type={file.mimeType} />
      </video>
    );
  }
  if (file.processingState === "pending") {
    return (
      <div
        role="status"
        className="flex items-center gap-3 rounded-md bg-slate-50 p-6 text-sm text-slate-700"
      >
        <span className="h-4 w-4 animate-spin rounded-full border-2 border-brand-600 border-t-transparent" />
        Preparing the preview and search text… this usually takes a few seconds.
        <ProcessingWatcher />
      </div>
    );
  }
  if (file.processingState === "failed") {
    return (
      <div role="status" className="rounded-md bg-amber-50 p-4 text-sm text-amber-900">
        <p className="font-medium">No preview for this file.</p>
        {showFailureReason && file.processingError ? <p className="mt-1">{file.processingError}</p> : null}
        <p className="mt-1">
          The file itself is fine to share{showFailureReason ? "; a new version may fix the preview" : ""}.
        </p>
      </div>
    );
  }
  if (file.previewPageCount > 0) {
    return (
      <PageViewer
        assetId={assetId}
        title={title}
        previewPages={file.previewPageCount}
        totalPages={file.pageCount ?? file.previewPageCount}
      />
    );
  }
  if (text.text) {
    return (
      <div>
        <h3 className="mb-2 text-xs font-semibold uppercase tracking-wide text-slate-500">
          Text of the file
        </h3>
        <div
          className="max-h-[32rem] overflow-y-auto whitespace-pre-wrap rounded-md bg-slate-50 p-4 text-sm leading-relaxed text-slate-800 ring-1 ring-slate-200"
          tabIndex={0}
          aria-label="Text of the file"
        >
          {text.text}
        </div>
        {text.totalChars > text.text.length ? (
          <p className="mt-2 text-xs text-slate-500">
            The beginning of the text is shown; download the file for the rest.
          </p>
        ) : null}
      </div>
    );
  }
  return (
    <p className="text-sm text-slate-500">This file has no text or pages to show; download it to open it.</p>
  );
}
