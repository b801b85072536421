// Runs in: tests (node). The palette lists what applies, in the interface language, and finds a
// command by its Chinese label, its English label or its id.
import { describe, expect, it } from 'vitest';
import { translate } from '../i18n/i18n-store';
import { matchPalette, paletteEntries } from './palette-entries';

const words = (locale: 'en' | 'zh-CN') => ({ t: (key: Parameters<typeof translate>[1]) => translate(locale, key), english: (key: Parameters<typeof translate>[1]) => translate('en', key), shortcut: () => undefined });

describe('palette entries', () => {
  it('finds commands by a Chinese label, an English label and an English id', () => {
    const entries = paletteEntries(words('zh-CN'), () => true);
    expect(matchPalette(entries, '新建').map((entry) => entry.id)).toEqual(['article.new']);
    expect(matchPalette(entries, 'bold').map((entry) => [entry.id, entry.label, entry.category])).toEqual([['format.bold', '粗体', '格式']]);
    expect(matchPalette(entries, 'format.heading').map((entry) => entry.id)).toEqual(['format.heading-2', 'format.heading-3']);
    expect(matchPalette(entries, 'file trash').map((entry) => entry.id)).toEqual(['article.trash']);
  });

  it('leaves out what does not apply, and what is never offered', () => {
    const entries = paletteEntries(words('en'), (spec) => !spec.needs);
    const ids = entries.map((entry) => entry.id);
    expect(ids).toContain('article.new');
    expect(ids).not.toContain('format.bold');
    expect(ids).not.toContain('app.flush');
    expect(ids).not.toContain('view.command-palette');
  });
});
