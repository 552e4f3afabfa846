/** The allow-list of file types Baton accepts, by extension, with the MIME type content must match. */
export const allowedFileTypes = {
  pdf: "application/pdf",
  pptx: "application/vnd.openxmlformats-officedocument.presentationml.presentation",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  csv: "text/csv",
  txt: "text/plain",
  md: "text/markdown",
  png: "image/png",
  jpg: "image/jpeg",
  jpeg: "image/jpeg",
  webp: "image/webp",
  gif: "image/gif",
  mp4: "video/mp4",
  webm: "video/webm",
} as const;

export type AllowedExtension = keyof typeof allowedFileTypes;

export const textExtensions = new Set<string>(["csv", "txt", "md"]);

export const acceptAttribute = Object.keys(allowedFileTypes)
  .map((ext) => `.${ext}`)
  .join(",");
