import "server-only";
import { AppError } from "@/lib/errors";

export const ZIP_LIMITS = {
  maxEntries: 5_000,
  maxUncompressedBytes: 1024 * 1024 * 1024,
  // Above this size, an expansion ratio past maxRatio is treated as a bomb.
  ratioFloorBytes: 100 * 1024 * 1024,
  maxRatio: 100,
};

/** How many trailing bytes of an upload to keep: enough for the central directory of any sane Office file. */
export const ZIP_TAIL_BYTES = 4 * 1024 * 1024;

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;

function refuse(message: string): never {
  throw new AppError("unsupported_media_type", message, { fieldErrors: { file: [message] } });
}

/**
 * Reads an OOXML file's central directory (from the last bytes of the upload) and refuses archives with
 * absurd entry counts or uncompressed sizes before anything unpacks them (zip bombs).
 */
export function checkZipArchive(
  tail: Buffer,
  fileSize: number,
): { entries: number; uncompressedBytes: number } {
  let eocd = -1;
  for (let i = tail.length - 22; i >= Math.max(0, tail.length - 22 - 0xffff); i--) {
    if (tail.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) refuse("The file is not a complete Office document (its zip directory is missing).");
  const entries = tail.readUInt16LE(eocd + 10);
  const cdOffset = tail.readUInt32LE(eocd + 16);
  if (entries === 0xffff || cdOffset === 0xffffffff)
    refuse("The Office document uses a ZIP64 archive, which Baton does not accept.");
  if (entries > ZIP_LIMITS.maxEntries) {
    refuse(
      `The Office document contains ${entries.toLocaleString("en-US")} files; more than ${ZIP_LIMITS.maxEntries.toLocaleString("en-US")} looks like a zip bomb.`,
    );
  }
  let p = cdOffset - (fileSize - tail.length);
  if (p < 0)
    refuse("The Office document's zip directory is unusually large; it was refused as a possible zip bomb.");
  let total = 0;
  for (let i = 0; i < entries; i++) {
    if (p + 46 > tail.length || tail.readUInt32LE(p) !== CENTRAL)
      refuse("The Office document's zip directory is damaged.");
    const uncompressed = tail.readUInt32LE(p + 24);
    if (uncompressed === 0xffffffff)
      refuse("The Office document uses a ZIP64 archive, which Baton does not accept.");
    total += uncompressed;
    p += 46 + tail.readUInt16LE(p + 28) + tail.readUInt16LE(p + 30) + tail.readUInt16LE(p + 32);
  }
  const ratio = total / Math.max(1, fileSize);
  if (
    total > ZIP_LIMITS.maxUncompressedBytes ||
    (total > ZIP_LIMITS.ratioFloorBytes && ratio > ZIP_LIMITS.maxRatio)
  ) {
    refuse(
      `The Office document expands to ${mb(total)} from ${mb(fileSize)} when unpacked; it looks like a zip bomb and was refused.`,
    );
  }
  return { entries, uncompressedBytes: total };
}
