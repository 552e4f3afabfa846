/**
 * An RFC 6266 attachment header: an ASCII fallback filename plus the exact UTF-8 name as filename*
 * (RFC 8187 percent-encoding), so every browser saves the file under its real name and never renders it.
 */
export function attachmentDisposition(filename: string): string {
  const fallback =
    filename
      .normalize("NFKD")
      .replace(/[^\x20-\x7e]/g, "")
      .replace(/["\\%;]/g, "_")
      .trim() || "download";
  const encoded = encodeURIComponent(filename).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
