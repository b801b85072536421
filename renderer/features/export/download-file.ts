// Runs in: renderer (browser mode). Offers text or bytes as a file download: a Blob behind an <a download>.
export function downloadFile(fileName: string, data: string | Uint8Array<ArrayBuffer>, mimeType: string, doc: Document = document): void {
  const url = URL.createObjectURL(new Blob([data], { type: mimeType }));
  const anchor = doc.createElement('a');
  anchor.href = url;
  anchor.download = fileName;
  anchor.hidden = true;
  doc.body.append(anchor);
  try {
    anchor.click();
  } finally {
    anchor.remove();
    // The browser has taken the file once the click is dispatched; the next task may free it.
    setTimeout(() => URL.revokeObjectURL(url), 0);
  }
}
