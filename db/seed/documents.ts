import { Document, HeadingLevel, Packer, Paragraph, TextRun } from "docx";
import ExcelJS from "exceljs";
import { PDFDocument, StandardFonts, rgb } from "pdf-lib";

export interface Section {
  heading: string;
  paragraphs: string[];
}

/** A real, multi-page PDF: a title, then each section's heading and wrapped paragraphs. */
export async function makePdf(title: string, sections: Section[]): Promise<Buffer> {
  const doc = await PDFDocument.create();
  doc.setTitle(title);
  doc.setProducer("Baton demo workspace");
  const regular = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  const margin = 56;
  let page = doc.addPage([612, 792]);
  let y = 792 - margin;
  const width = 612 - margin * 2;
  const line = (text: string, font = regular, size = 11, gap = 5) => {
    if (y < margin + size) {
      page = doc.addPage([612, 792]);
      y = 792 - margin;
    }
    page.drawText(text, { x: margin, y, size, font, color: rgb(0.1, 0.12, 0.16) });
    y -= size + gap;
  };
  const wrap = (text: string, font = regular, size = 11) => {
    let current = "";
    for (const word of text.split(/\s+/)) {
      const candidate = current ? `${current} ${word}` : word;
      if (font.widthOfTextAtSize(candidate, size) > width) {
        line(current, font, size);
        current = word;
      } else current = candidate;
    }
    if (current) line(current, font, size);
  };
  wrap(title, bold, 18);
  y -= 8;
  for (const section of sections) {
    y -= 6;
    wrap(section.heading, bold, 13);
    for (const p of section.paragraphs) {
      wrap(p);
      y -= 6;
    }
  }
  return Buffer.from(await doc.save());
}

/** An ROI model workbook: editable inputs, formula-driven results and a three-year summary. */
export async function makeRoiWorkbook(
  title: string,
  industry: string,
  inputs: { label: string; value: number }[],
) {
  const book = new ExcelJS.Workbook();
  book.creator = "Baton demo workspace";
  book.title = title;
  const sheet = book.addWorksheet("Inputs");
  sheet.columns = [
    { header: "Input", key: "label", width: 44 },
    { header: "Value", key: "value", width: 16 },
  ];
  inputs.forEach((i) => sheet.addRow(i));
  const n = inputs.length + 1;
  const results = book.addWorksheet("Results");
  results.columns = [
    { header: "Result", key: "label", width: 44 },
    { header: "Year 1", key: "y1", width: 14 },
    { header: "Year 2", key: "y2", width: 14 },
    { header: "Year 3", key: "y3", width: 14 },
  ];
  results.addRow({
    label: `Annual savings (${industry})`,
    y1: { formula: `Inputs!B2*Inputs!B3*0.35` },
    y2: { formula: `B2*1.1` },
    y3: { formula: `C2*1.1` },
  });
  results.addRow({
    label: "Platform subscription",
    y1: { formula: `Inputs!B${n}` },
    y2: { formula: `B3` },
    y3: { formula: `C3` },
  });
  results.addRow({
    label: "Net benefit",
    y1: { formula: "B2-B3" },
    y2: { formula: "C2-C3" },
    y3: { formula: "D2-D3" },
  });
  results.addRow({ label: "Three-year ROI", y1: { formula: "(SUM(B4:D4))/SUM(B3:D3)" } });
  const notes = book.addWorksheet("How to use");
  notes.addRow([
    `${title}: change the blue inputs with the buyer on the call; results update automatically.`,
  ]);
  notes.addRow(["Savings assume 35% of reporting effort is automated in year one, growing 10% a year."]);
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** A talk-track document with headings and bullet points, as a real DOCX. */
export async function makeTalkTrackDocx(title: string, sections: Section[]) {
  const doc = new Document({
    creator: "Baton demo workspace",
    title,
    sections: [
      {
        children: [
          new Paragraph({ text: title, heading: HeadingLevel.TITLE }),
          ...sections.flatMap((s) => [
            new Paragraph({ text: s.heading, heading: HeadingLevel.HEADING_1 }),
            ...s.paragraphs.map((p) => new Paragraph({ children: [new TextRun(p)], bullet: { level: 0 } })),
          ]),
        ],
      },
    ],
  });
  return Buffer.from(await Packer.toBuffer(doc));
}

export function makeMarkdown(title: string, sections: Section[]): Buffer {
  const body = sections.map((s) => `## ${s.heading}\n\n${s.paragraphs.join("\n\n")}`).join("\n\n");
  return Buffer.from(`# ${title}\n\n${body}\n`, "utf8");
}
