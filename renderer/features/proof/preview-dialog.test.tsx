// @vitest-environment happy-dom
// Runs in: tests (happy-dom). Preview as published shows the folder target's page in a frame that
// may run nothing: sandboxed with no permissions, under the page's own CSP.
import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newArticle } from '../../../common/article';
import { useI18nStore } from '../../i18n/i18n-store';
import { createAppStores } from '../../stores/app-stores';
import { StoresContext } from '../../stores/stores-context';
import { createFakeApi } from '../../../tests/support/fake-api';
import { PreviewDialog } from './preview-dialog';

afterEach(cleanup);
beforeEach(() => useI18nStore.getState().setLocale('en'));

const PAGE = '<!doctype html><meta http-equiv="Content-Security-Policy" content="default-src \'none\'"><h1>Flood</h1>';

describe('preview as published', () => {
  it.each(['en', 'zh-CN'] as const)('shows the standalone page in a sandboxed frame (%s)', async (locale) => {
    useI18nStore.getState().setLocale(locale);
    const api = createFakeApi({ 'articles.exportPage': () => ({ fileName: 'flood.html', html: PAGE }) });
    const stores = createAppStores(api);
    stores.article.getState().load(newArticle('art0000000001', '2026-11-25T09:00:00.000Z'));
    await act(async () => {
      render(
        <StoresContext.Provider value={stores}>
          <PreviewDialog />
        </StoresContext.Provider>,
      );
    });
    const frame = await screen.findByTitle<HTMLIFrameElement>(locale === 'en' ? 'The published page' : '发布后的网页');
    expect(frame.getAttribute('sandbox')).toBe('');
    expect(frame.getAttribute('srcdoc')).toBe(PAGE);
    expect(api.callsTo('articles.exportPage')).toEqual([{ id: 'art0000000001' }]);
  });
});
