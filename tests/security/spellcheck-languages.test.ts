// Runs in: vitest (Node). A reporter gets US English spelling plus their own system language when Chromium has it.
import { describe, expect, it } from 'vitest';
import { spellCheckerLanguages } from '../../electron/main/spellcheck-languages';

const AVAILABLE = ['en-US', 'en-GB', 'fr-FR', 'de-DE', 'pt-BR', 'pt-PT'];

describe('spellCheckerLanguages', () => {
  it('adds the system language to US English', () => {
    expect(spellCheckerLanguages(['fr-CA'], AVAILABLE)).toEqual(['en-US', 'fr-FR']);
    expect(spellCheckerLanguages(['pt-PT'], AVAILABLE)).toEqual(['en-US', 'pt-PT']);
    expect(spellCheckerLanguages(['en-GB'], AVAILABLE)).toEqual(['en-US', 'en-GB']);
  });

  it('uses only US English for Chinese, which has no Chromium dictionary', () => {
    expect(spellCheckerLanguages(['zh-CN'], AVAILABLE)).toEqual(['en-US']);
  });

  it('does not repeat a language', () => {
    expect(spellCheckerLanguages(['en-US', 'en_US'], AVAILABLE)).toEqual(['en-US']);
  });
});
