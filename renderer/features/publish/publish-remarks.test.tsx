// @vitest-environment happy-dom
// Runs in: tests (happy-dom). After a publish to Ghost, the editor reads what the site did otherwise
// than asked — a byline with no staff user there, a shortened summary — in their own language.
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { useI18nStore } from '../../i18n/i18n-store';
import { PublishRemarks } from './publish-remarks';

afterEach(cleanup);

describe('the remarks after a publish', () => {
  const remarks = [{ kind: 'author-not-on-site', name: '李四' }, { kind: 'excerpt-shortened', maxChars: 300 }, { kind: 'pending-as-draft' }] as const;

  it('name the byline and the limit, in English and in Chinese', () => {
    useI18nStore.getState().setLocale('en');
    render(<PublishRemarks remarks={[...remarks]} target="Ghost news" />);
    const items = screen.getAllByRole('listitem').map((li) => li.textContent);
    expect(items[0]).toContain('Ghost news has no staff user named “李四”');
    expect(items[1]).toContain('at most 300 characters');
    expect(items[2]).toContain('waits there as a draft');
    cleanup();
    useI18nStore.getState().setLocale('zh-CN');
    render(<PublishRemarks remarks={[...remarks]} target="Ghost news" />);
    expect(screen.getAllByRole('listitem')[0]?.textContent).toContain('没有名为“李四”的员工账号');
  });

  it('show nothing when the site did as asked', () => {
    const { container } = render(<PublishRemarks remarks={[]} target="Ghost news" />);
    expect(container.textContent).toBe('');
  });
});
