// Runs in: renderer. The screens and dialogs the library's first paint does not need, each loaded
// on first use from a chunk of its own: the editor (TipTap, ProseMirror) and the rest stay out of
// the bundle the app evaluates before it lists the library.
import { lazy } from 'react';
import { importHeadlineSlug } from '../stores/article-store';
import { loadedOrLazy } from './loaded-or-lazy';

/**
 * The article screen's chunk (the editor) with the slug maker its headline needs, so the slug
 * follows the first key typed. `loadArticleScreen` is safe to call again: each chunk loads once,
 * and once loaded the screen opens without suspending.
 */
const articleScreen = loadedOrLazy(() => Promise.all([import('../features/article/article-screen'), importHeadlineSlug()]).then(([screen]) => screen.ArticleScreen));
/** Resolves to nothing: a test hook given it must not take the component for a teardown. */
export const loadArticleScreen = (): Promise<void> => articleScreen.preload().then(() => undefined);
export const ArticleScreen = articleScreen.Screen;
export const ReviewQueueScreen = lazy(() => import('../features/review/review-queue-screen').then((m) => ({ default: m.ReviewQueueScreen })));
export const SettingsDialog = lazy(() => import('../features/settings/settings-dialog').then((m) => ({ default: m.SettingsDialog })));
export const RevisionsDialog = lazy(() => import('../features/revisions/revisions-dialog').then((m) => ({ default: m.RevisionsDialog })));
export const NameVersionDialog = lazy(() => import('../features/revisions/name-version-dialog').then((m) => ({ default: m.NameVersionDialog })));
export const CommandPalette = lazy(() => import('../commands/command-palette').then((m) => ({ default: m.CommandPalette })));
export const PreviewDialog = lazy(() => import('../features/proof/preview-dialog').then((m) => ({ default: m.PreviewDialog })));
