import "server-only";
import Busboy from "busboy";
import { createHash, randomUUID } from "node:crypto";
import { Readable, Transform } from "node:stream";
import type { ReadableStream as WebReadableStream } from "node:stream/web";
import { AppError } from "@/lib/errors";
import { filenameProblem } from "@/lib/file-names";
import { unsafeTextFields } from "@/lib/safe-text";
import type { StorageDriver } from "@/server/storage";
import { detectFileType } from "./detect-file-type";
import { checkZipArchive, ZIP_TAIL_BYTES } from "./inspect-zip";

const STREAM_CHUNK = 1024 * 1024;
const HEAD_BYTES = 1024 * 1024;

export interface ReceivedFile {
  storageKey: string;
  originalName: string;
  mimeType: string;
  sizeBytes: number;
  sha256: string;
}

export interface ReceivedUpload<F = Record<string, unknown>> {
  /** The text fields as the operation reads them (readFields' answer). */
  fields: F;
  /** The text fields as sent, for the request's idempotency fingerprint. */
  rawFields: Record<string, string>;
  file: ReceivedFile;
}

/**
 * Streams a multipart upload (text fields, then one `file` part) straight into storage: the bytes are
 * hashed and counted on the way through and never held whole in memory. The text fields are checked
 * before the first byte is stored (`readFields`: parse, and any check that needs no file, such as
 * permissions or ids), so a bad request stores nothing; a field sent after the file is refused rather than
 * read too late. The type is checked from the first bytes once stored; a refused or failed upload deletes
 * what was written, so nothing half-made remains.
 */
export async function receiveUpload<F>(
  request: Request,
  storage: StorageDriver,
  opts: {
    workspaceId: string;
    maxBytes: number;
    readFields: (fields: Record<string, string>) => Promise<F>;
  },
): Promise<ReceivedUpload<F>> {
  const contentType = request.headers.get("content-type") ?? "";
  if (!contentType.toLowerCase().startsWith("multipart/form-data") || !request.body) {
    throw new AppError("unsupported_media_type", "Send the file as multipart/form-data with a 'file' part");
  }
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > opts.maxBytes + 1024 * 1024) throw tooLarge(opts.maxBytes);

  const fields: Record<string, string> = {};
  const storageKey = `ws/${opts.workspaceId}/files/${randomUUID()}`;
  let read: Promise<F> | undefined;
  let stored: Promise<ReceivedFile> | undefined;
  let fileCount = 0;
  let lateField: string | undefined;
  let failed = false;
  const readOnce = () => {
    read ??= (async () => {
      const unsafe = unsafeTextFields(fields);
      if (unsafe)
        throw new AppError("validation_failed", "The upload's fields are invalid", { fieldErrors: unsafe });
      return opts.readFields({ ...fields });
    })();
    return read;
  };

  const parser = multipartParser({
    headers: { "content-type": contentType },
    // Keep the name as sent so a path in it is refused with a clear error instead of silently trimmed.
    preservePath: true,
    defParamCharset: "utf8",
    // Bigger buffers mean far fewer chunks (and stream hand-offs) per gigabyte; memory stays bounded.
    highWaterMark: STREAM_CHUNK,
    fileHwm: STREAM_CHUNK,
    limits: { files: 1, fields: 20, fieldSize: 64 * 1024, fileSize: opts.maxBytes },
  });

  const parsed = new Promise<void>((resolve, reject) => {
    parser.on("field", (name, value) => {
      if (stored) lateField ??= name;
      else fields[name] = value;
    });
    parser.on("file", (name, stream, info) => {
      fileCount += 1;
      if (name !== "file" || fileCount > 1) {
        stream.resume();
        return;
      }
      // Until storeFile listens, a client that goes away only marks the upload failed (the parser rejects).
      stream.on("error", () => {
        failed = true;
      });
      // The stream waits (and so does the parser) until the fields are read: a refusal stores nothing.
      stored = readOnce().then(() => {
        // The client may have gone away while the fields were checked: nothing is left to store.
        if (failed || stream.destroyed) throw new AppError("bad_request", "The upload was interrupted");
        return storeFile(stream, info.filename ?? "", storage, storageKey, opts.maxBytes);
      });
      stored.catch(() => stream.resume());
    });
    parser.on("filesLimit", () => reject(new AppError("bad_request", "Send one file per upload")));
    parser.on("error", (error: unknown) => {
      failed = true;
      reject(new AppError("bad_request", `The upload could not be read: ${(error as Error).message}`));
    });
    parser.on("close", () => resolve());
  });

  const source = Readable.fromWeb(request.body as unknown as WebReadableStream);
  // A client that goes away mid-upload errors the body stream: fail this upload, not the process.
  source.on("error", (error) => parser.destroy(error));
  source.pipe(parser);
  try {
    await parsed;
    const readFields = await readOnce();
    if (!stored)
      throw new AppError("validation_failed", "Choose a file to upload", {
        fieldErrors: { file: ["Choose a file to upload"] },
      });
    const file = await stored;
    if (lateField) {
      const message = `Send the '${lateField}' field before the file`;
      throw new AppError("validation_failed", message, { fieldErrors: { [lateField]: [message] } });
    }
    return { fields: readFields, rawFields: fields, file };
  } catch (error) {
    await stored?.catch(() => undefined);
    await storage.delete(storageKey).catch(() => undefined);
    throw error;
  }
}

/** Busboy throws on a header it cannot use (no boundary): that is the client's mistake, a 422. */
function multipartParser(config: Busboy.BusboyConfig): Busboy.Busboy {
  try {
    return Busboy(config);
  } catch (error) {
    const message = `The multipart request cannot be read: ${(error as Error).message}`;
    throw new AppError("validation_failed", message, { fieldErrors: { "content-type": [message] } });
  }
}

async function storeFile(
  source: Readable & { truncated?: boolean },
  rawName: string,
  storage: StorageDriver,
  storageKey: string,
  maxBytes: number,
): Promise<ReceivedFile> {
  const originalName = rawName.normalize("NFC").trim();
  const problem = filenameProblem(originalName);
  if (problem) throw new AppError("validation_failed", problem, { fieldErrors: { file: [problem] } });

  const hash = createHash("sha256");
  const headChunks: Buffer[] = [];
  let headLength = 0;
  let tailChunks: Buffer[] = [];
  let tailLength = 0;
  let size = 0;
  const meter = new Transform({
    highWaterMark: STREAM_CHUNK,
    transform(chunk: Buffer, _enc, done) {
      hash.update(chunk);
      size += chunk.length;
      // A rolling window of the last bytes, where a zip archive keeps its directory.
      tailChunks.push(chunk);
      tailLength += chunk.length;
      while (tailLength - tailChunks[0]!.length >= ZIP_TAIL_BYTES) tailLength -= tailChunks.shift()!.length;
      if (headLength < HEAD_BYTES) {
        headChunks.push(chunk.subarray(0, HEAD_BYTES - headLength));
        headLength += Math.min(chunk.length, HEAD_BYTES - headLength);
      }
      done(null, chunk);
    },
  });
  // pipe() does not forward errors: an aborted upload must also abort the write to storage.
  source.on("error", (error) => meter.destroy(error));
  // The storage write sees that failure (its pipeline rejects); until it attaches, nothing else listens.
  meter.on("error", () => undefined);
  source.pipe(meter);
  await storage.put(storageKey, meter, "application/octet-stream");

  if (source.truncated) throw tooLarge(maxBytes);
  if (size === 0)
    throw new AppError("validation_failed", "The file is empty", {
      fieldErrors: { file: ["The file is empty"] },
    });
  const { ext, mime } = await detectFileType(originalName, Buffer.concat(headChunks));
  if (ext === "docx" || ext === "pptx" || ext === "xlsx") {
    const tail = Buffer.concat(tailChunks);
    tailChunks = [];
    checkZipArchive(tail.subarray(Math.max(0, tail.length - ZIP_TAIL_BYTES)), size);
  }
  return { storageKey, originalName, mimeType: mime, sizeBytes: size, sha256: hash.digest("hex") };
}

function tooLarge(maxBytes: number) {
  return new AppError(
    "payload_too_large",
    `The file is larger than the ${Math.round(maxBytes / 1024 / 1024)} MB limit`,
  );
}

/**
 * Runs the work that uses a received upload; if it fails, the stored bytes are deleted so nothing
 * half-made remains, and so are they when `keep` says the work did not use them (a replayed request).
 */
export async function settleUpload<T>(
  storage: StorageDriver,
  upload: Pick<ReceivedUpload<unknown>, "file">,
  work: () => Promise<T>,
  keep: (result: T) => boolean = () => true,
): Promise<T> {
  let result: T;
  try {
    result = await work();
  } catch (error) {
    await storage.delete(upload.file.storageKey).catch(() => undefined);
    throw error;
  }
  if (!keep(result)) await storage.delete(upload.file.storageKey);
  return result;
}
