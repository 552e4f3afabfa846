import "server-only";
import { OfficeParser } from "officeparser";
import { unreadable } from "./file-processing-error";
import { loadPdf } from "./pdf-runtime";

/** Search needs the words, not the whole of a 400-page manual. */
export const MAX_EXTRACTED_CHARS = 1_000_000;

const officeKinds: Record<string, string> = {
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "Word document",
  "application/vnd.openxmlformats-officedocument.presentationml.presentation": "presentation",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "spreadsheet",
};

const plainTextTypes = new Set(["text/plain", "text/markdown", "text/csv"]);

/** The searchable text of a file, or null for types that carry none (images, video). */
export async function extractText(bytes: Uint8Array, mimeType: string): Promise<string | null> {
  if (mimeType === "application/pdf") return tidy(await pdfText(bytes));
  if (officeKinds[mimeType]) return tidy(await officeText(bytes, officeKinds[mimeType]));
  if (plainTextTypes.has(mimeType)) return tidy(new TextDecoder("utf-8").decode(bytes));
  return null;
}

async function pdfText(bytes: Uint8Array): Promise<string> {
  try {
    const { extractText: pdfExtract } = await import("unpdf");
    const doc = await loadPdf(bytes);
    try {
      const { text } = await pdfExtract(doc, { mergePages: true });
      return text;
    } finally {
      await doc.loadingTask.destroy();
    }
  } catch (error) {
    throw unreadable("PDF", error);
  }
}

async function officeText(bytes: Uint8Array, kind: string): Promise<string> {
  try {
    const ast = await OfficeParser.parseOffice(Buffer.from(bytes), { ocr: false, extractAttachments: false });
    const { value } = await ast.to("text");
    return String(value);
  } catch (error) {
    throw unreadable(kind, error);
  }
}

function tidy(text: string): string {
  return text
    .replace(/\u0000/g, "")
    .replace(/[ \t]+\n/g, "\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim()
    .slice(0, MAX_EXTRACTED_CHARS);
}
