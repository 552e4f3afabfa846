"use client";

import type { ErrorBody } from "@/lib/errors";

export interface UploadResult {
  ok: boolean;
  status: number;
  body: unknown;
}

/** POSTs a multipart upload with XMLHttpRequest, the only browser API that reports upload progress. */
export function sendUpload(
  url: string,
  form: FormData,
  onProgress: (fraction: number) => void,
  signal?: AbortSignal,
): Promise<UploadResult> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", url);
    xhr.setRequestHeader("Idempotency-Key", crypto.randomUUID());
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(e.loaded / e.total);
    };
    xhr.onload = () => {
      let body: unknown = null;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        body = null;
      }
      resolve({ ok: xhr.status >= 200 && xhr.status < 300, status: xhr.status, body });
    };
    xhr.onerror = () => reject(new Error("The connection failed during the upload"));
    xhr.onabort = () => reject(new DOMException("Upload cancelled", "AbortError"));
    signal?.addEventListener("abort", () => xhr.abort());
    xhr.send(form);
  });
}

export function errorMessageOf(
  body: unknown,
  fallback: string,
): { message: string; fieldErrors?: Record<string, string[]>; details?: Record<string, string> } {
  const error = (body as ErrorBody | null)?.error;
  return error
    ? { message: error.message, fieldErrors: error.fieldErrors, details: error.details }
    : { message: fallback };
}
