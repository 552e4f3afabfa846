import "server-only";
import sharp from "sharp";
import { unreadable } from "./file-processing-error";
import { loadPdf } from "./pdf-runtime";

/** The viewer shows this many pages; the rest are a download away. */
export const MAX_PREVIEW_PAGES = 12;
const PAGE_WIDTH = 1200;
const THUMBNAIL_WIDTH = 480;
// sharp refuses images above this many pixels (decompression bombs) instead of allocating them.
const MAX_INPUT_PIXELS = 100_000_000;

export interface Previews {
  pageCount: number;
  /** WebP images of the first pages, in order. */
  pages: Buffer[];
  thumbnail: Buffer;
}

const imageTypes = new Set(["image/png", "image/jpeg", "image/webp", "image/gif"]);

/** Page images and a thumbnail for PDFs and images; null for types the viewer shows otherwise. */
export async function renderPreviews(bytes: Uint8Array, mimeType: string): Promise<Previews | null> {
  if (mimeType === "application/pdf") return pdfPreviews(bytes);
  if (imageTypes.has(mimeType)) return imagePreviews(bytes);
  return null;
}

async function pdfPreviews(bytes: Uint8Array): Promise<Previews> {
  let doc;
  try {
    doc = await loadPdf(bytes);
  } catch (error) {
    throw unreadable("PDF", error);
  }
  try {
    const { renderPageAsImage } = await import("unpdf");
    const pages: Buffer[] = [];
    const count = Math.min(doc.numPages, MAX_PREVIEW_PAGES);
    for (let n = 1; n <= count; n++) {
      const png = await renderPageAsImage(doc, n, {
        canvasImport: () => import("@napi-rs/canvas"),
        width: PAGE_WIDTH,
      });
      pages.push(await sharp(Buffer.from(png)).webp({ quality: 78 }).toBuffer());
    }
    const thumbnail = await sharp(pages[0]!)
      .resize({ width: THUMBNAIL_WIDTH })
      .webp({ quality: 72 })
      .toBuffer();
    return { pageCount: doc.numPages, pages, thumbnail };
  } catch (error) {
    throw unreadable("PDF", error);
  } finally {
    await doc.loadingTask.destroy();
  }
}

async function imagePreviews(bytes: Uint8Array): Promise<Previews> {
  try {
    const source = () => sharp(bytes, { limitInputPixels: MAX_INPUT_PIXELS, animated: false }).rotate();
    const page = await source()
      .resize({ width: 1600, height: 1600, fit: "inside", withoutEnlargement: true })
      .webp({ quality: 80 })
      .toBuffer();
    const thumbnail = await source()
      .resize({ width: THUMBNAIL_WIDTH, height: THUMBNAIL_WIDTH, fit: "inside", withoutEnlargement: true })
      .webp({ quality: 72 })
      .toBuffer();
    return { pageCount: 1, pages: [page], thumbnail };
  } catch (error) {
    throw unreadable("image", error);
  }
}
