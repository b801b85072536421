// Runs in: renderer. Which files a drop or paste carries that should become photos.

/** Every dropped file goes to the media library, which refuses non-photos with a clear message. */
export function filesFromDrop(transfer: DataTransfer | null): File[] {
  return transfer ? Array.from(transfer.files) : [];
}

/** Office apps put a picture of the copied text on the clipboard next to the text: text wins. */
export function filesFromPaste(clipboard: DataTransfer | null): File[] {
  if (!clipboard || clipboard.files.length === 0) return [];
  if (clipboard.getData('text/plain').trim().length > 0) return [];
  return Array.from(clipboard.files);
}
