// Runs in: renderer (browser mode). An export as a browser download named after the slug: the
// standalone page (`<slug>.html`), or Markdown (`<slug>.md`, or `<slug>.zip` with its photos).
import type { DatelineApi } from '../../../common/contract';
import { downloadFile } from './download-file';

/** Offers the download and returns the file's name, for the notice. */
export async function downloadExport(api: DatelineApi, id: string, format: 'html' | 'markdown', doc: Document = document): Promise<string> {
  if (format === 'html') {
    const page = await api.call('articles.exportPage', { id });
    downloadFile(page.fileName, page.html, 'text/html;charset=utf-8', doc);
    return page.fileName;
  }
  const file = await api.call('articles.exportMarkdownFile', { id });
  downloadFile(file.fileName, bytesOfBase64(file.base64), file.mimeType, doc);
  return file.fileName;
}

function bytesOfBase64(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
