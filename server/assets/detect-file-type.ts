import "server-only";
import { fileTypeFromBuffer } from "file-type";
import { AppError } from "@/lib/errors";
import { allowedFileTypes, textExtensions, type AllowedExtension } from "@/lib/file-types";
import { extensionOf } from "@/lib/file-names";

const sameKind: Record<string, string> = { jpeg: "jpg" };

/**
 * Decides a file's type from its bytes, not its name: the detected type must be on the allow-list and agree
 * with the extension. Text types have no magic bytes, so they must decode as UTF-8 without NUL bytes.
 */
export async function detectFileType(
  filename: string,
  head: Buffer,
): Promise<{ ext: AllowedExtension; mime: string }> {
  const ext = extensionOf(filename);
  if (!(ext in allowedFileTypes)) {
    throw new AppError(
      "unsupported_media_type",
      `“.${ext || "(none)"}” files are not accepted. Upload PDF, PowerPoint, Word, Excel, CSV, text/Markdown, images or MP4/WebM video.`,
    );
  }
  const allowedExt = ext as AllowedExtension;
  const detected = await fileTypeFromBuffer(head);
  if (textExtensions.has(ext)) {
    if (detected && !["xml"].includes(detected.ext)) {
      throw new AppError(
        "unsupported_media_type",
        `The file is named .${ext} but its content is ${detected.mime}.`,
      );
    }
    if (head.includes(0) || !isUtf8Prefix(head)) {
      throw new AppError(
        "unsupported_media_type",
        `The file is named .${ext} but its content is not UTF-8 text.`,
      );
    }
    return { ext: allowedExt, mime: allowedFileTypes[allowedExt] };
  }
  const normalised = sameKind[ext] ?? ext;
  const detectedExt = detected ? (sameKind[detected.ext] ?? detected.ext) : undefined;
  if (detectedExt !== normalised) {
    throw new AppError(
      "unsupported_media_type",
      detected
        ? `The file is named .${ext} but its content is ${detected.mime}.`
        : `The file is named .${ext} but its content is not a ${ext.toUpperCase()} file.`,
    );
  }
  return { ext: allowedExt, mime: allowedFileTypes[allowedExt] };
}

function isUtf8Prefix(buf: Buffer): boolean {
  try {
    // stream: true tolerates a multi-byte character cut at the end of the sampled prefix.
    new TextDecoder("utf-8", { fatal: true }).decode(buf, { stream: true });
    return true;
  } catch {
    return false;
  }
}
