// Runs in: Playwright's Node side. A page object for Dateline in the browser: finds every control
// by role and its accessible name in the active UI language, the way a person (or a screen
// reader) would.
import { expect, type Locator, type Page } from '@playwright/test';
import type { EditorView } from '@tiptap/pm/view';
import { catalogues, type MessageKey } from '../../../renderer/i18n/messages/catalogues';

export type UiLocale = 'en' | 'zh-CN';

export class DatelineApp {
  constructor(
    readonly page: Page,
    public locale: UiLocale = 'en',
  ) {}

  /** The UI string for `key` in the current locale, with {placeholders} filled. */
  text(key: MessageKey, vars: Record<string, string | number> = {}): string {
    const template = catalogues[this.locale][key];
    return template.replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m));
  }

  button(key: MessageKey, vars?: Record<string, string | number>): Locator {
    return this.page.getByRole('button', { name: this.text(key, vars), exact: true });
  }

  /** Chooses an action from the article toolbar's "More" menu. */
  async moreAction(key: MessageKey): Promise<void> {
    await this.button('article.more').click();
    await this.page.getByRole('menu', { name: this.text('article.more') }).getByRole('menuitem', { name: this.text(key), exact: true }).click();
  }

  textbox(key: MessageKey, vars?: Record<string, string | number>): Locator {
    return this.page.getByRole('textbox', { name: this.text(key, vars), exact: true });
  }

  get body(): Locator {
    return this.page.getByRole('textbox', { name: this.text('editor.body.label'), exact: true });
  }

  /**
   * Presses End in the body and waits until the editor has taken the caret the browser moved.
   * ProseMirror reads it on the next selectionchange; a person's next key comes well after that,
   * Playwright's can come before it and would land at the old place.
   */
  async pressEndInBody(): Promise<void> {
    await this.waitForBodyFocusSettled();
    await this.page.keyboard.press('End');
    await this.waitForBodySelection();
  }

  /**
   * Waits until the body holds the focus and ProseMirror has settled it. Twenty milliseconds after
   * the body gains the focus, ProseMirror writes its own selection back to the page if the page's
   * differs from the last one it read, which puts back a caret move it has not read yet: an arrow
   * key Playwright pressed within that time could be undone. A person's key comes later.
   */
  async waitForBodyFocusSettled(): Promise<void> {
    await expect(this.body).toBeFocused();
    await expect
      .poll(() =>
        this.body.evaluate((dom) => {
          const view = (dom as HTMLElement & { editor?: { view: EditorView & { input?: { lastFocus?: number } } } }).editor?.view;
          return view ? Date.now() - (view.input?.lastFocus ?? 0) > 100 : false;
        }),
      )
      .toBe(true);
  }

  /**
   * Waits until the editor holds the selection the browser shows in the body (after arrow keys or
   * a click). ProseMirror reads it on the next selectionchange, which Playwright's next key or click
   * can beat; a person's cannot.
   */
  async waitForBodySelection(): Promise<void> {
    await expect
      .poll(() =>
        this.body.evaluate((dom) => {
          const view = (dom as HTMLElement & { editor?: { view: EditorView } }).editor?.view;
          const shown = dom.ownerDocument.getSelection();
          if (!view || !shown?.focusNode || !shown.anchorNode || !dom.contains(shown.focusNode)) return false;
          const { anchor, head } = view.state.selection;
          return head === view.posAtDOM(shown.focusNode, shown.focusOffset) && anchor === view.posAtDOM(shown.anchorNode, shown.anchorOffset);
        }),
      )
      .toBe(true);
  }

  async switchLocale(locale: UiLocale): Promise<void> {
    await this.page.getByRole('combobox', { name: this.text('settings.interfaceLanguage') }).selectOption(locale);
    this.locale = locale;
    await expect(this.button('library.new')).toBeVisible();
  }

  /** Opens a new article and waits until its body editor (with its toolbar) is there, not only the headline. */
  async newArticle(): Promise<void> {
    await this.button('library.new').click();
    await expect(this.textbox('article.headline')).toBeVisible();
    // The editor mounts after the fields: a Tab pressed sooner skips its toolbar.
    await expect(this.body).toBeVisible();
  }

  /** Waits until the status bar says the article is saved. */
  async waitSaved(): Promise<void> {
    await expect(this.page.getByRole('status').filter({ hasText: this.text('article.saveState.saved') })).toBeVisible({ timeout: 20_000 });
  }

  async addTag(tag: string): Promise<void> {
    const input = this.page.getByRole('textbox', { name: this.text('metadata.tags'), exact: true });
    await input.fill(tag);
    await input.press('Enter');
    await expect(this.button('metadata.tags.remove', { tag })).toBeVisible();
  }

  async backToLibrary(): Promise<void> {
    await this.button('article.back').click();
    await expect(this.button('library.new')).toBeVisible();
  }

  libraryRow(headline: string): Locator {
    return this.page.getByRole('listitem').filter({ hasText: headline });
  }

  async openFromLibrary(headline: string): Promise<void> {
    await this.page.getByRole('button', { name: this.text('library.openNamed', { headline }), exact: true }).click();
    await expect(this.textbox('article.headline')).toHaveValue(headline);
  }

  async search(query: string): Promise<void> {
    await this.page.getByRole('searchbox', { name: this.text('library.search') }).fill(query);
  }
}
