// @vitest-environment happy-dom
// Runs in: tests (happy-dom). Preview as published shows the folder target's page in a frame that
// may run nothing: sandboxed with no permissions, under the page's own CSP.
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newArticle } from '../../../common/article';
import { useI18nStore } from '../../i18n/i18n-store';
import { createAppStores } from '../../stores/app-stores';
import { StoresContext } from '../../stores/stores-context';
import { createFakeApi, type FakeHandlers } from '../../../tests/support/fake-api';
import type { TargetView } from '../../../common/publish/publish-target-config';
import { PreviewDialog } from './preview-dialog';

afterEach(cleanup);
beforeEach(() => useI18nStore.getState().setLocale('en'));

const PAGE = '<!doctype html><meta http-equiv="Content-Security-Policy" content="default-src \'none\'"><h1>Flood</h1>';

const FOLDER_TARGET: TargetView = { config: { kind: 'folder', id: 'published-folder', name: 'Published folder', path: '' }, hasSecret: false, isDefault: false };
const SITE: TargetView = {
  config: { kind: 'wordpress', id: 't-wordpress1', name: 'News site', siteUrl: 'https://news.example.com', username: 'editor', defaultCategory: '' },
  hasSecret: true,
  isDefault: true,
};
const WP_PAGE = '<!doctype html><meta http-equiv="Content-Security-Policy" content="default-src \'none\'"><h1 class="entry-title">Flood</h1>';

async function open(handlers: FakeHandlers) {
  const api = createFakeApi(handlers);
  const stores = createAppStores(api);
  stores.article.getState().load(newArticle('art0000000001', '2026-11-25T09:00:00.000Z'));
  await act(async () => {
    render(
      <StoresContext.Provider value={stores}>
        <PreviewDialog />
      </StoresContext.Provider>,
    );
  });
  return api;
}

describe('preview as published', () => {
  it.each(['en', 'zh-CN'] as const)('shows the standalone page in a sandboxed frame (%s)', async (locale) => {
    useI18nStore.getState().setLocale(locale);
    const api = await open({ 'targets.list': () => [{ ...FOLDER_TARGET, isDefault: true }], 'articles.exportPage': () => ({ fileName: 'flood.html', html: PAGE }) });
    const frame = await screen.findByTitle<HTMLIFrameElement>(locale === 'en' ? 'The published page' : '发布后的网页');
    expect(frame.getAttribute('sandbox')).toBe('');
    expect(frame.getAttribute('srcdoc')).toBe(PAGE);
    expect(api.callsTo('articles.exportPage')).toEqual([{ id: 'art0000000001' }]);
  });

  it.each([
    ['en', 'The site’s stylesheets could not be fetched'],
    ['zh-CN', '无法获取网站的样式表'],
  ] as const)('previews the default WordPress target with its blocks, and says when the site styles could not be had (%s)', async (locale, notice) => {
    useI18nStore.getState().setLocale(locale);
    const api = await open({
      'targets.list': () => [FOLDER_TARGET, SITE],
      'articles.previewWordpress': () => ({ html: WP_PAGE, siteStyles: 'unavailable' as const }),
    });
    const frame = await screen.findByTitle<HTMLIFrameElement>(locale === 'en' ? 'The published page' : '发布后的网页');
    expect(frame.getAttribute('sandbox')).toBe('');
    expect(frame.getAttribute('srcdoc')).toBe(WP_PAGE);
    expect(api.callsTo('articles.previewWordpress')).toEqual([{ id: 'art0000000001', targetId: 't-wordpress1' }]);
    expect(api.callsTo('articles.exportPage')).toEqual([]);
    expect(screen.getByRole('status').textContent).toContain(notice);
  });

  it('says nothing about site styles when they were applied, and switches to the folder page on request', async () => {
    const api = await open({
      'targets.list': () => [FOLDER_TARGET, SITE],
      'articles.previewWordpress': () => ({ html: WP_PAGE, siteStyles: 'applied' as const }),
      'articles.exportPage': () => ({ fileName: 'flood.html', html: PAGE }),
    });
    expect((await screen.findByTitle<HTMLIFrameElement>('The published page')).getAttribute('srcdoc')).toBe(WP_PAGE);
    expect(screen.queryByRole('status')).toBeNull();
    await act(async () => {
      fireEvent.change(screen.getByLabelText('Preview for'), { target: { value: '' } });
    });
    expect((await screen.findByTitle<HTMLIFrameElement>('The published page')).getAttribute('srcdoc')).toBe(PAGE);
    expect(api.callsTo('articles.exportPage')).toEqual([{ id: 'art0000000001' }]);
  });

  it('falls back to the folder page when the targets cannot be read', async () => {
    const api = await open({ 'articles.exportPage': () => ({ fileName: 'flood.html', html: PAGE }) });
    expect((await screen.findByTitle<HTMLIFrameElement>('The published page')).getAttribute('srcdoc')).toBe(PAGE);
    expect(api.callsTo('articles.previewWordpress')).toEqual([]);
  });
});
