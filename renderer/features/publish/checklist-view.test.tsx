// @vitest-environment happy-dom
// Runs in: tests (happy-dom). The unresolved-suggestions blocker offers "Go to the first one", in
// both languages; other blockers keep "Go to field".
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { SUGGESTIONS_ITEM_ID, type ChecklistItem } from '../../../common/publish/publish-checklist';
import { useI18nStore } from '../../i18n/i18n-store';
import { ChecklistView } from './checklist-view';

afterEach(() => {
  cleanup();
  useI18nStore.getState().setLocale('en');
});

const suggestions: ChecklistItem = {
  id: SUGGESTIONS_ITEM_ID,
  level: 'blocker',
  field: 'body',
  message: { key: 'publish.checklist.suggestions-pending', params: { count: 3 } },
  defaultText: '',
};
const headline: ChecklistItem = { id: 'headline', level: 'blocker', field: 'headline', message: { key: 'publish.checklist.headline-missing' }, defaultText: '' };

describe('the checklist’s suggestions blocker', () => {
  it('offers “Go to the first one”, which goes to that item', () => {
    useI18nStore.getState().setLocale('en');
    const visited: string[] = [];
    render(<ChecklistView items={[headline, suggestions]} overridden={new Set()} onOverride={() => {}} onGoToField={(item) => visited.push(item.id)} />);
    fireEvent.click(screen.getByRole('button', { name: 'Go to the first one' }));
    expect(visited).toEqual([SUGGESTIONS_ITEM_ID]);
    expect(screen.getByRole('button', { name: 'Go to field: Headline' })).toBeTruthy();
  });

  it('says it in Chinese', () => {
    useI18nStore.getState().setLocale('zh-CN');
    render(<ChecklistView items={[suggestions]} overridden={new Set()} onOverride={() => {}} onGoToField={() => {}} />);
    expect(screen.getByRole('button', { name: '转到第一处' })).toBeTruthy();
  });
});
