// @vitest-environment happy-dom
// Runs in: tests (happy-dom). In a browser both exports are downloads named after the slug: the page
// as <slug>.html, Markdown as the file (or .zip) the services made, its bytes unchanged.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createFakeApi } from '../../../tests/support/fake-api';
import { downloadExport } from './download-export';

const ID = 'art0000000001';
const ZIP_BYTES = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 255, 128, 7]);

afterEach(() => vi.restoreAllMocks());

function captureDownloads(): { name: string; blob: Blob }[] {
  const downloads: { name: string; blob: Blob }[] = [];
  let lastBlob: Blob | null = null;
  vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
    lastBlob = blob as Blob;
    return 'blob:test';
  });
  vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
  document.addEventListener(
    'click',
    (event) => {
      const anchor = event.target as HTMLAnchorElement;
      if (lastBlob) downloads.push({ name: anchor.download, blob: lastBlob });
      event.preventDefault();
    },
    { capture: true },
  );
  return downloads;
}

describe('downloadExport', () => {
  it('downloads Markdown with photos as the .zip the services made, byte for byte, without the export folder', async () => {
    const downloads = captureDownloads();
    const api = createFakeApi({
      'articles.exportMarkdownFile': () => ({ fileName: 'harbour-fire.zip', mimeType: 'application/zip', base64: Buffer.from(ZIP_BYTES).toString('base64') }),
    });
    expect(await downloadExport(api, ID, 'markdown')).toBe('harbour-fire.zip');
    expect(api.callsTo('articles.exportMarkdownFile')).toEqual([{ id: ID }]);
    expect(api.callsTo('articles.export')).toEqual([]);
    expect(downloads.map((d) => d.name)).toEqual(['harbour-fire.zip']);
    expect(downloads[0]!.blob.type).toBe('application/zip');
    expect(new Uint8Array(await downloads[0]!.blob.arrayBuffer())).toEqual(ZIP_BYTES);
  });

  it('downloads Markdown without photos as <slug>.md, Chinese intact', async () => {
    const downloads = captureDownloads();
    const api = createFakeApi({
      'articles.exportMarkdownFile': () => ({ fileName: '港口火灾.md', mimeType: 'text/markdown;charset=utf-8', base64: Buffer.from('# 港口火灾\n').toString('base64') }),
    });
    expect(await downloadExport(api, ID, 'markdown')).toBe('港口火灾.md');
    expect(downloads.map((d) => d.name)).toEqual(['港口火灾.md']);
    expect(await downloads[0]!.blob.text()).toBe('# 港口火灾\n');
  });

  it('downloads the standalone page as <slug>.html', async () => {
    const downloads = captureDownloads();
    const api = createFakeApi({ 'articles.exportPage': () => ({ fileName: 'flood.html', html: '<!doctype html><title>Flood</title>' }) });
    expect(await downloadExport(api, ID, 'html')).toBe('flood.html');
    expect(downloads.map((d) => d.name)).toEqual(['flood.html']);
    expect(await downloads[0]!.blob.text()).toContain('<title>Flood</title>');
  });
});
