// @vitest-environment happy-dom
// Runs in: tests (happy-dom). "Go to field" takes the editor to the article field, or the right photo's credit, that a checklist item names.
import { afterEach, describe, expect, it } from 'vitest';
import { SUGGESTIONS_ITEM_ID, type ChecklistItem } from '../../../common/publish/publish-checklist';
import { translate } from '../../i18n/i18n-store';
import type { MessageKey } from '../../i18n/messages/catalogues';
import type { EditorHandleLike } from '../../stores/editor-handle';
import { goToArticleField } from './go-to-article-field';

const t = (key: MessageKey): string => translate('en', key);

function item(field: string, key: string, params?: Record<string, string | number>): ChecklistItem {
  return { id: field, level: 'warning', field, message: { key, params } as ChecklistItem['message'], defaultText: '' };
}

afterEach(() => {
  document.body.innerHTML = '';
});

describe('go to field', () => {
  it('focuses the section input by its label, and the byline fieldset by its legend', () => {
    document.body.innerHTML = `
      <label for="s">Section</label><input id="s">
      <fieldset><legend>Bylines</legend><input id="b1"></fieldset>`;
    expect(goToArticleField(item('section', 'publish.checklist.section-missing'), t, null, document)).toBe(true);
    expect(document.activeElement?.id).toBe('s');
    expect(goToArticleField(item('bylines', 'publish.checklist.byline-missing'), t, null, document)).toBe(true);
    expect(document.activeElement?.id).toBe('b1');
  });

  it('for "photos 2, 3 have no credit" it focuses the second photo’s credit field', () => {
    document.body.innerHTML = `
      <figure><label><span>Photo credit</span><input id="c1" aria-label="Photo credit"></label></figure>
      <figure><label><span>Photo credit</span><input id="c2" aria-label="Photo credit"></label></figure>
      <figure><label><span>Photo credit</span><input id="c3" aria-label="Photo credit"></label></figure>`;
    expect(goToArticleField(item('photos', 'publish.checklist.photos-credit-missing', { photos: '2, 3', count: 2 }), t, null, document)).toBe(true);
    expect(document.activeElement?.id).toBe('c2');
  });

  it('for unresolved suggestions it has the editor select the first one', () => {
    const visited: string[] = [];
    const editor: EditorHandleLike = {
      getBody: () => ({ type: 'doc' }),
      focus: () => visited.push('focus'),
      insertPhotos: async () => {},
      runCommand: () => {},
      goToSuggestion: (direction) => {
        visited.push(direction);
        return true;
      },
    };
    const blocker: ChecklistItem = { ...item('body', 'publish.checklist.suggestions-pending', { count: 2 }), id: SUGGESTIONS_ITEM_ID, level: 'blocker' };
    expect(goToArticleField(blocker, t, editor, document)).toBe(true);
    expect(visited).toEqual(['first']);
  });

  it('a field that is not on the screen reports false instead of focusing something else', () => {
    document.body.innerHTML = '<label for="x">Headline</label><input id="x">';
    expect(goToArticleField(item('tags', 'publish.checklist.tags-missing'), t, null, document)).toBe(false);
    expect(document.activeElement).toBe(document.body);
  });
});
