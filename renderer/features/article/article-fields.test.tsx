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

describe('a new article', () => {
  it('puts the cursor in the headline, once', () => {
    const stores = createAppStores(createFakeApi({}));
    stores.article.getState().load(newArticle('art0000000001', '2026-11-25T09:00:00.000Z'));
    stores.ui.getState().requestHeadlineFocus();
    render(
      <StoresContext.Provider value={stores}>
        <HeadlineField />
      </StoresContext.Provider>,
    );
    const headline = screen.getByRole('textbox', { name: 'Headline' });
    expect(document.activeElement).toBe(headline);
    expect(stores.ui.getState().headlineFocusPending).toBe(false);
  });
});

describe('headline length', () => {
  function renderHeadline(language: string, guide = { zi: 30, characters: 70 }) {
    const stores = createAppStores(createFakeApi({}));
    const article = newArticle('art0000000001', '2026-11-25T09:00:00.000Z');
    stores.article.getState().load({ ...article, meta: { ...article.meta, language } });
    stores.settings.setState({ settings: { ...stores.settings.getState().settings, headlineGuide: guide } });
    render(
      <StoresContext.Provider value={stores}>
        <HeadlineField />
      </StoresContext.Provider>,
    );
    return screen.getByRole('textbox', { name: 'Headline' });
  }

  it('counts an English headline in characters against the guide, described to screen readers', () => {
    const headline = renderHeadline('en');
    fireEvent.change(headline, { target: { value: 'Council passes budget' } });
    const line = document.getElementById(headline.getAttribute('aria-describedby') ?? '');
    expect(line?.textContent).toBe('21 of 70 characters');
  });

  it('counts a Chinese headline in 字 and says in words when it runs past the desk guide', () => {
    const headline = renderHeadline('zh-CN', { zi: 5, characters: 70 });
    fireEvent.change(headline, { target: { value: '市议会通过年度预算' } });
    const line = document.getElementById(headline.getAttribute('aria-describedby') ?? '');
    expect(line?.textContent).toBe('9 of 5 字4 字 over the guide');
    expect(line?.className).toContain('headline-length-over');
  });
});
