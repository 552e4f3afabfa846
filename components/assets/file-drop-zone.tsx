"use client";

import { useRef, useState, type DragEvent } from "react";
import { acceptAttribute } from "@/lib/file-types";

/**
 * One large button that opens the file picker (Enter or Space from the keyboard) and also takes files
 * dropped on it. The real <input type="file" multiple> stays out of the tab order behind it.
 */
export function FileDropZone({ onFiles, error }: { onFiles: (files: File[]) => void; error?: string }) {
  const input = useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = useState(false);

  function onDragOver(event: DragEvent<HTMLElement>) {
    event.preventDefault();
    event.dataTransfer.dropEffect = "copy";
    setDragging(true);
  }

  function onDragLeave(event: DragEvent<HTMLElement>) {
    // Leaving for one of the zone's own children is not leaving the zone.
    if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setDragging(false);
  }

  function onDrop(event: DragEvent<HTMLElement>) {
    event.preventDefault();
    setDragging(false);
    onFiles(Array.from(event.dataTransfer.files));
  }

  return (
    <div className="space-y-1">
      <button
        type="button"
        onClick={() => input.current?.click()}
        onDragEnter={onDragOver}
        onDragOver={onDragOver}
        onDragLeave={onDragLeave}
        onDrop={onDrop}
        aria-describedby={error ? "files-hint files-error" : "files-hint"}
        className={`block w-full rounded-lg border-2 border-dashed p-6 text-center text-sm transition focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600 ${
          dragging
            ? "border-brand-500 bg-brand-50"
            : error
              ? "border-red-400 hover:border-red-500"
              : "border-slate-300 hover:border-brand-400"
        }`}
      >
        <span className="font-medium text-brand-700 underline">Choose files</span>
        <span className="text-slate-500"> or drag them here</span>
      </button>
      <input
        ref={input}
        id="file"
        type="file"
        multiple
        accept={acceptAttribute}
        className="sr-only"
        tabIndex={-1}
        aria-hidden="true"
        onChange={(event) => {
          onFiles(Array.from(event.target.files ?? []));
          // Cleared so choosing the same file again still fires a change.
          event.target.value = "";
        }}
      />
      <p id="files-hint" className="text-xs text-slate-500">
        PDF, PowerPoint, Word, Excel, CSV, text, images or video. Add as many as you like; each becomes its
        own asset.
      </p>
      {error ? (
        <p id="files-error" className="text-xs text-red-600" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
