import { PDFDocument, StandardFonts } from "pdf-lib";

/** A real PDF with the given lines of text on its first page (and "Page n" on each further page). */
export async function makePdf(lines: string[], pages = 1): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const page = doc.addPage();
  lines.forEach((line, i) => page.drawText(line, { x: 50, y: 740 - i * 18, size: 12, font }));
  for (let n = 2; n <= pages; n++) doc.addPage().drawText(`Page ${n}`, { x: 50, y: 740, size: 12, font });
  return Buffer.from(await doc.save());
}
