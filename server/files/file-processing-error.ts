import "server-only";

/**
 * The file itself cannot be processed (corrupt, encrypted, unsupported inside). Retrying will not help,
 * so the job records the reason on the file and finishes; the asset stays usable without text or preview.
 */
export class FileProcessingError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "FileProcessingError";
  }
}

/** Turns a parser's exception into a reason a marketer can read. */
export function unreadable(kind: string, error: unknown): FileProcessingError {
  const detail = error instanceof Error ? error.message.replace(/^\[\w+\]:\s*/, "") : String(error);
  return new FileProcessingError(`The ${kind} could not be read: ${detail.slice(0, 200)}`, { cause: error });
}
