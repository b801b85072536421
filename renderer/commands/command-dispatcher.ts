// Runs in: renderer. One place that runs the command table's commands, from the native menu, a shortcut or the palette.
import type { Article } from '../../common/article';
import type { MenuCommand } from '../../common/bridge';
import { discardUntouchedDraft } from '../features/article/discard-untouched-draft';
import { downloadExport } from '../features/export/download-export';
import { t, useI18nStore } from '../i18n/i18n-store';
import type { AppStores } from '../stores/app-stores';
import { printProof } from '../features/proof/print-proof';
import { startComment } from '../features/review/start-comment';

export type CommandDispatcher = (command: MenuCommand) => Promise<void>;

export function createCommandDispatcher(stores: AppStores): CommandDispatcher {
  const { api, article, library, review, settings, ui } = stores;
  /** The draft "New article" made last, until the reporter leaves it. */
  let newDraftId: string | null = null;

  const show = async (loaded: Article): Promise<void> => {
    await article.getState().flush();
    article.getState().load(loaded);
    ui.getState().setView('article');
  };

  /** Saves and leaves the open article; a new draft left without typing is removed, not kept as "Untitled". */
  const leaveArticle = async (): Promise<boolean> => {
    const open = article.getState().article;
    if (!open) return true;
    if (!(await article.getState().close())) return false;
    if (open.id === newDraftId) {
      newDraftId = null;
      // If the check cannot be made, the draft stays: removing is never worth a wrong guess.
      const discarded = await discardUntouchedDraft(api, open.id).catch(() => false);
      if (discarded) await library.getState().refresh();
    }
    return true;
  };

  const exportAs = async (format: 'html' | 'markdown'): Promise<void> => {
    if (!article.getState().article) return;
    const open = article.getState().article;
    if (!open) return;
    // A browser offers the export as a download named after the slug (Markdown with photos as a .zip).
    if (api.transport === 'http') {
      await article.getState().flush();
      const fileName = await downloadExport(api, open.id, format);
      ui.getState().showInfo(t('article.downloaded', { file: fileName }));
      return;
    }
    const result = await article.getState().exportArticle(format);
    if (!result) return;
    ui.getState().showInfo(t('article.exported', { folder: result.folder }), result.file);
  };

  const run = async (command: MenuCommand): Promise<void> => {
    const open = article.getState().article;
    switch (command) {
      case 'article.new': {
        // Like the story on screen; from the library, a Chinese interface starts a Chinese story.
        const language = open?.meta.language ?? (useI18nStore.getState().locale === 'zh-CN' ? 'zh-CN' : undefined);
        // A second "New article" on an untouched new draft replaces it rather than piling up "Untitled"s.
        if (open && open.id === newDraftId) {
          if (!(await leaveArticle())) return;
        } else {
          await article.getState().flush();
        }
        const created = await library.getState().create(language);
        await show(created);
        newDraftId = created.id;
        // A new story starts with its headline: the first words typed belong there.
        ui.getState().requestHeadlineFocus();
        return;
      }
      case 'app.flush': {
        // Main keeps the window open until it hears whether the last edits reached the disk.
        let saved: boolean;
        try {
          await article.getState().flush();
          saved = !article.getState().saveError;
        } catch {
          saved = false;
        }
        window.dateline?.reportFlushed(saved);
        return;
      }
      case 'article.save':
        if (open) await article.getState().save(true);
        return;
      case 'article.duplicate':
        if (!open) return;
        await article.getState().flush();
        await show(await library.getState().duplicate(open.id));
        return;
      case 'article.trash':
        if (!open) return;
        // Trashing is leaving too, but the reporter asked for the trash: keep what they chose.
        if (open.id === newDraftId) newDraftId = null;
        if (!(await leaveArticle())) return;
        await library.getState().trash(open.id);
        ui.getState().setView('library');
        return;
      case 'article.export-html':
        return exportAs('html');
      case 'article.export-markdown':
        return exportAs('markdown');
      case 'article.revisions':
        if (open) ui.getState().openDialog('revisions');
        return;
      case 'article.name-version':
        if (open) ui.getState().openDialog('name-version');
        return;
      case 'article.insert-photo':
        // The editor owns the photo picker and the import.
        article.getState().getEditorHandle()?.runCommand(command);
        return;
      case 'view.library':
      case 'view.trash': {
        if (!(await leaveArticle())) return;
        const trashed = command === 'view.trash';
        ui.getState().setView(trashed ? 'trash' : 'library');
        library.getState().setTrashed(trashed);
        await library.getState().refresh();
        return;
      }
      case 'view.review-queue': {
        if (!(await leaveArticle())) return;
        ui.getState().setView('queue');
        await review.getState().loadQueue();
        return;
      }
      case 'view.focus-writing':
        if (open) ui.getState().toggleFocusWriting();
        return;
      case 'view.side-panel':
        if (open) ui.getState().toggleSidePanel();
        return;
      case 'article.preview':
        if (!open) return;
        await article.getState().flush();
        ui.getState().openDialog('preview');
        return;
      case 'article.print-proof':
        if (!open) return;
        await article.getState().flush();
        printProof(open.meta.slug || open.id);
        return;
      case 'edit.comment':
        if (open) startComment(stores);
        return;
      case 'view.command-palette':
        ui.getState().openDialog('palette');
        return;
      case 'language.en':
        return settings.getState().setLocale('en');
      case 'language.zh-CN':
        return settings.getState().setLocale('zh-CN');
      default:
        // Every remaining command is the body editor's: format.*, undo and redo.
        article.getState().getEditorHandle()?.runCommand(command);
        return;
    }
  };

  return async (command) => {
    try {
      await run(command);
    } catch (error) {
      ui.getState().showError(error);
    }
  };
}

