// @vitest-environment happy-dom
// Runs in: tests (happy-dom). A conflict with a post another copy of the library published says so, in English and Chinese.
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { ConflictDetails } from '../../../common/publish/publish-job';
import { useI18nStore } from '../../i18n/i18n-store';
import { ConflictView } from './conflict-view';

afterEach(() => {
  cleanup();
  useI18nStore.getState().setLocale('en');
});

const conflict = (over: Partial<ConflictDetails>): ConflictDetails => ({
  remote: { title: 'Square reopens', excerpt: '', contentHtml: '<p>On the server</p>', modified: '2026-12-06T10:00:00Z', url: 'https://news.example.com/?p=7' },
  local: { title: 'Square reopens', excerpt: '', contentHtml: '<p>Mine</p>' },
  recordedModified: '2026-12-06T09:00:00Z',
  ...over,
});

const show = (details: ConflictDetails) => render(<ConflictView conflict={details} busy={false} onOverwrite={() => undefined} onKeepServer={() => undefined} />);

describe('a conflict with another copy of the library', () => {
  it('names the other copy’s computer and job', () => {
    show(conflict({ lastPublisher: { jobId: 'job0other0001', host: 'newsroom-laptop-2', thisCopy: false } }));
    expect(screen.getByRole('alert').textContent).toContain('It was last published from another copy of this library, on newsroom-laptop-2 (job job0other0001).');
  });

  it('says this copy never published the post, in Chinese too', () => {
    useI18nStore.getState().setLocale('zh-CN');
    show(conflict({ recordedModified: '', lastPublisher: { jobId: 'job0other0001', host: null, thisCopy: false } }));
    const alert = screen.getByRole('alert').textContent ?? '';
    expect(alert).toContain('从未把它发布到那里');
    expect(alert).toContain('另一份副本发布的（任务 job0other0001）');
  });

  it('says nothing about copies when this copy wrote the post last', () => {
    show(conflict({ lastPublisher: { jobId: 'job0mine00001', host: 'here', thisCopy: true } }));
    expect(screen.getByRole('alert').textContent).not.toContain('another copy');
  });
});
