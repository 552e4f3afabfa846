import "server-only";
import { degrees, PDFDocument, rgb, StandardFonts } from "pdf-lib";
import { AppError } from "@/lib/errors";

/** Helvetica's WinAnsi encoding cannot draw every character; anything else becomes "?". */
const drawable = (text: string) => text.replace(/[^\x20-\x7e\xa0-\xff]/g, "?");

export function watermarkLine(stamp: { orgName?: string; email: string | null; date: Date }): string {
  const who = [stamp.orgName, stamp.email].filter(Boolean).join(" · ") || "you";
  return drawable(`Shared with ${who} · ${stamp.date.toISOString().slice(0, 10)} · Do not redistribute`);
}

/**
 * Stamps every page with who received the copy: a footer line and a faint diagonal mark across the page.
 * A PDF that cannot be opened (encrypted, damaged) is refused rather than handed out unmarked.
 */
export async function watermarkPdf(bytes: Uint8Array, line: string): Promise<Uint8Array> {
  let pdf: PDFDocument;
  try {
    pdf = await PDFDocument.load(bytes, { updateMetadata: false });
  } catch {
    throw new AppError(
      "conflict",
      "This PDF cannot be watermarked, so it cannot be downloaded. Ask your contact for a copy.",
    );
  }
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  for (const page of pdf.getPages()) {
    const { width, height } = page.getSize();
    const footerSize = Math.max(6, Math.min(9, (width - 24) / (font.widthOfTextAtSize(line, 1) || 1)));
    page.drawText(line, { x: 12, y: 10, size: footerSize, font, color: rgb(0.35, 0.35, 0.35) });
    const markSize = Math.max(
      10,
      Math.min(28, (Math.hypot(width, height) * 0.8) / (font.widthOfTextAtSize(line, 1) || 1)),
    );
    const angle = Math.atan2(height, width);
    const markWidth = font.widthOfTextAtSize(line, markSize);
    page.drawText(line, {
      x: width / 2 - (Math.cos(angle) * markWidth) / 2,
      y: height / 2 - (Math.sin(angle) * markWidth) / 2,
      size: markSize,
      font,
      color: rgb(0.6, 0.6, 0.6),
      opacity: 0.25,
      rotate: degrees((angle * 180) / Math.PI),
    });
  }
  return pdf.save();
}
