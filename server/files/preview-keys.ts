/** Storage keys of a file's rendered images: derived from the file id, so a retried job overwrites its own. */
export function previewPageKey(fileId: string, page: number): string {
  return `previews/${fileId}/page-${page}`;
}

export function thumbnailKeyOf(fileId: string): string {
  return `thumbnails/${fileId}`;
}
