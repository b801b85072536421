// Runs in: vitest (node). A desktop export asks where to save, proposing the slug; the page cannot pick the place itself.
import { describe, expect, it } from 'vitest';
import { withSaveDialog } from './export-save-dialog';

describe('withSaveDialog', () => {
  it('proposes the slug in Documents and forwards only the path the person chose', async () => {
    const proposed: string[] = [];
    const forwarded: unknown[] = [];
    const dialog = { documentsDir: '/home/li/Documents', choose: async (path: string) => (proposed.push(path), '/home/li/Desktop/fire') };
    const result = await withSaveDialog('articles.export', { id: 'art0000000001', format: 'html', suggestedName: '../harbour-fire', destination: '/etc' }, dialog, async (input) => {
      forwarded.push(input);
      return { ok: true, value: { folder: '/home/li/Desktop/fire', file: '/home/li/Desktop/fire/index.html', files: [] } };
    });
    expect(proposed).toEqual(['/home/li/Documents/harbour-fire']);
    expect(forwarded).toEqual([{ id: 'art0000000001', format: 'html', destination: '/home/li/Desktop/fire' }]);
    expect(result.ok).toBe(true);
  });

  it('closing the dialog exports nothing; other operations pass through untouched', async () => {
    const forwarded: unknown[] = [];
    const forward = async (input: unknown) => (forwarded.push(input), { ok: true as const, value: 'x' });
    const dialog = { documentsDir: '/d', choose: async () => null };
    expect(await withSaveDialog('articles.export', { id: 'art0000000001', format: 'markdown' }, dialog, forward)).toEqual({ ok: true, value: null });
    expect(forwarded).toEqual([]);
    await withSaveDialog('articles.get', { id: 'art0000000001', destination: '/x' }, dialog, forward);
    expect(forwarded).toEqual([{ id: 'art0000000001', destination: '/x' }]);
  });
});
