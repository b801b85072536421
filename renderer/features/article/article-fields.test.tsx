// @vitest-environment happy-dom
// Runs in: tests (happy-dom). The headline wraps on screen but stays one line of text.
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newArticle } from '../../../common/article';
import { StoresContext } from '../../stores/stores-context';
import { useI18nStore } from '../../i18n/i18n-store';
import { createAppStores } from '../../stores/app-stores';
import { createFakeApi } from '../../../tests/support/fake-api';
import { HeadlineField } from './article-fields';

afterEach(cleanup);
beforeEach(() => useI18nStore.getState().setLocale('en'));

describe('headline field', () => {
  it('Enter starts no second line (except to pick an IME candidate), and pasted line breaks become spaces', () => {
    const stores = createAppStores(createFakeApi({}));
    stores.article.getState().load(newArticle('art0000000001', '2026-11-25T09:00:00.000Z'));
    render(
      <StoresContext.Provider value={stores}>
        <HeadlineField />
      </StoresContext.Provider>,
    );
    const headline = screen.getByRole('textbox', { name: 'Headline' });
    expect(fireEvent.keyDown(headline, { key: 'Enter' })).toBe(false); // default prevented
    expect(fireEvent.keyDown(headline, { key: 'Enter', isComposing: true })).toBe(true);
    fireEvent.change(headline, { target: { value: 'Council passes budget\nafter long debate' } });
    expect(stores.article.getState().article?.headline).toBe('Council passes budget after long debate');
  });
});
