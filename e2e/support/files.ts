import { PDFDocument, StandardFonts } from "pdf-lib";

/** A real one-page PDF with the given lines of text. */
export async function makePdf(lines: string[]): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const page = doc.addPage();
  lines.forEach((line, i) => page.drawText(line, { x: 50, y: 740 - i * 18, size: 12, font }));
  return Buffer.from(await doc.save());
}
