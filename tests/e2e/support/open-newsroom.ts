// Runs in: Playwright's Node side. Opens the reporter's app (in their language) and the editor's
// (English) on two hosts, each with its newsroom profile pointing at the shared hub folder.
import type { Browser } from '@playwright/test';
import type { UiLocale } from './dateline-app';
import { openApp, setProfile, type PersonApp } from './review-steps';
import type { TwoHosts } from './start-two-hosts';

export async function openNewsroom(browser: Browser, hosts: TwoHosts, reporterLocale: UiLocale, reporterName: string): Promise<{ reporter: PersonApp; editor: PersonApp }> {
  const reporter = await openApp(browser, hosts.reporterHost, reporterLocale);
  const editor = await openApp(browser, hosts.editorHost, 'en');
  await setProfile(reporter, reporterName, 'reporter', { kind: 'folder', path: hosts.hub });
  await setProfile(editor, 'Sam Editor', 'editor', { kind: 'folder', path: hosts.hub });
  return { reporter, editor };
}
