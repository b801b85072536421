// Runs in: Playwright's Node side. The steps of the review specs, done the way people do them:
// an app per person, the newsroom profile and hub in Settings, the review queue, the review tab.
import { expect, type Browser, type Locator, type Page } from '@playwright/test';
import { DatelineApp, type UiLocale } from './dateline-app';
import type { RunningHost } from './start-host';

export interface PersonApp {
  app: DatelineApp;
  page: Page;
}

export type HubChoice = { kind: 'folder'; path: string } | { kind: 'wordpress'; targetName: string };

export async function openApp(browser: Browser, host: RunningHost, locale: UiLocale): Promise<PersonApp> {
  const page = await (await browser.newContext()).newPage();
  const app = new DatelineApp(page);
  await page.goto(host.url);
  await expect(app.button('library.new')).toBeVisible();
  if (locale !== 'en') await app.switchLocale(locale);
  return { app, page };
}

/** Settings → Publishing targets → a WordPress site with this account; the settings dialog stays open. */
export async function addWordPressTarget({ app, page }: PersonApp, name: string, siteUrl: string, login: string, appPassword: string): Promise<void> {
  await page.getByRole('button', { name: app.text('targets.open') }).click();
  const targets = page.getByRole('dialog', { name: app.text('targets.title') });
  await targets.getByRole('button', { name: app.text('targets.add') }).click();
  const form = targets.getByRole('form', { name: app.text('targets.addTitle') });
  await form.getByRole('radio', { name: app.text('targets.kind.wordpress') }).check();
  await form.getByRole('textbox', { name: app.text('targets.field.name'), exact: true }).fill(name);
  await form.getByRole('textbox', { name: app.text('targets.field.siteUrl'), exact: true }).fill(siteUrl);
  await form.getByRole('textbox', { name: app.text('targets.field.username'), exact: true }).fill(login);
  await form.getByLabel(app.text('targets.field.appPassword'), { exact: true }).fill(appPassword);
  await form.getByRole('button', { name: app.text('targets.saveTarget') }).click();
  // The first real site offers to become the default; these flows keep publishing where they chose.
  const offer = page.getByRole('alertdialog', { name: app.text('targets.makeDefaultTitle') });
  await offer.getByRole('button', { name: app.text('app.cancel'), exact: true }).click();
  await expect(offer).toBeHidden();
  await expect(targets.getByRole('button', { name: app.text('targets.testNamed', { name }) })).toBeVisible();
  await targets.press('Escape');
  await expect(targets).toBeHidden();
}

/** Sets name, role and review hub in Settings; `beforeSave` runs inside the open dialog first. */
export async function setProfile(person: PersonApp, name: string, role: 'reporter' | 'editor', hub: HubChoice, beforeSave?: () => Promise<void>): Promise<void> {
  const { app, page } = person;
  await page.getByRole('button', { name: app.text('settings.title'), exact: true }).click();
  const dialog = page.getByRole('dialog', { name: app.text('settings.title') });
  await expect(dialog).toBeVisible();
  await beforeSave?.();
  await dialog.getByRole('textbox', { name: app.text('settings.userName'), exact: true }).fill(name);
  await dialog.getByRole('combobox', { name: app.text('settings.role'), exact: true }).selectOption(role);
  await dialog.getByRole('combobox', { name: app.text('settings.hub.kind'), exact: true }).selectOption(hub.kind);
  if (hub.kind === 'folder') await dialog.getByRole('textbox', { name: app.text('settings.hub.path'), exact: true }).fill(hub.path);
  else await dialog.getByRole('combobox', { name: app.text('settings.hub.target'), exact: true }).selectOption({ label: hub.targetName });
  await dialog.getByRole('button', { name: app.text('app.save'), exact: true }).click();
  await expect(dialog).toBeHidden();
}

export function reviewPanel({ app, page }: PersonApp): Locator {
  return page.getByRole('region', { name: app.text('review.panel'), exact: true });
}

/** The margin beside the body where open comments on text sit on wide windows (the default 1280 px). */
export function commentMargin({ app, page }: PersonApp): Locator {
  return page.getByRole('region', { name: app.text('review.margin.label'), exact: true });
}

export async function openReviewTab(person: PersonApp): Promise<Locator> {
  await person.page.getByRole('tab', { name: person.app.text('review.tab.review'), exact: true }).click();
  const panel = reviewPanel(person);
  await expect(panel.getByRole('group', { name: person.app.text('review.actions') })).toBeVisible();
  return panel;
}

export async function openFromQueue(person: PersonApp, headline: string, scope: 'for-me' | 'mine' | 'all'): Promise<Locator> {
  const { app, page } = person;
  await page.getByRole('button', { name: app.text('queue.nav'), exact: true }).click();
  const queue = page.getByRole('region', { name: app.text('queue.title'), exact: true });
  await queue.getByRole('combobox', { name: app.text('queue.scope') }).selectOption(scope);
  await queue.getByRole('button', { name: app.text('queue.openLabel', { headline }), exact: true }).click();
  await expect(app.textbox('article.headline')).toHaveValue(headline);
  return reviewPanel(person);
}

export function statusLine(app: DatelineApp, status: 'submitted' | 'changes_requested' | 'approved' | 'published'): string {
  return app.text('review.status', { status: app.text(`article.status.${status}`) });
}

/** Clicks a workflow action that asks for a note (and, on submit, a recipient), fills it and confirms. */
export async function actWithNote(person: PersonApp, panel: Locator, action: 'submit' | 'resubmit' | 'request-changes' | 'spike', note?: string): Promise<void> {
  const { app } = person;
  const label = app.text(`review.action.${action}`);
  await panel.getByRole('button', { name: label, exact: true }).click();
  if (note !== undefined) {
    const noteKey = action === 'resubmit' ? 'review.note.submit' : (`review.note.${action}` as const);
    await panel.getByRole('textbox', { name: app.text(noteKey) }).fill(note);
  }
  await panel.getByRole('button', { name: app.text('review.confirm', { action: label }) }).click();
}

/** Puts the caret after `before` in the body paragraph containing it and selects the next `length` characters. */
export async function selectInBody({ app, page }: PersonApp, paragraphText: string, before: string, length: number): Promise<void> {
  await app.body.getByText(paragraphText).click();
  await app.waitForBodyFocusSettled();
  await page.keyboard.press('Home');
  for (let i = 0; i < before.length; i++) await page.keyboard.press('ArrowRight');
  for (let i = 0; i < length; i++) await page.keyboard.press('Shift+ArrowRight');
  await app.waitForBodySelection();
}
