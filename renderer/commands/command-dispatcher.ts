// Runs in: renderer. One place that runs MenuCommands, whether from the native menu or a shortcut.
import type { Article } from '../../common/article';
import type { MenuCommand } from '../../common/bridge';
import { t, useI18nStore } from '../i18n/i18n-store';
import type { AppStores } from '../stores/app-stores';

export type CommandDispatcher = (command: MenuCommand) => Promise<void>;

export function createCommandDispatcher(stores: AppStores): CommandDispatcher {
  const { article, library, review, settings, ui } = stores;

  const show = async (loaded: Article): Promise<void> => {
    await article.getState().flush();
    article.getState().load(loaded);
    ui.getState().setView('article');
  };

  const leaveArticle = async (): Promise<boolean> => {
    if (!article.getState().article) return true;
    return article.getState().close();
  };

  const exportAs = async (format: 'html' | 'markdown'): Promise<void> => {
    if (!article.getState().article) return;
    const result = await article.getState().exportArticle(format);
    ui.getState().showInfo(t('article.exported', { folder: result.folder }), result.file);
  };

  const run = async (command: MenuCommand): Promise<void> => {
    const open = article.getState().article;
    switch (command) {
      case 'article.new':
        await article.getState().flush();
        // Like the story on screen; from the library, a Chinese interface starts a Chinese story.
        await show(await library.getState().create(open?.meta.language ?? (useI18nStore.getState().locale === 'zh-CN' ? 'zh-CN' : undefined)));
        article.getState().getEditorHandle()?.focus();
        return;
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
      case 'language.en':
        return settings.getState().setLocale('en');
      case 'language.zh-CN':
        return settings.getState().setLocale('zh-CN');
      default:
        // Every remaining command is a format.* command for the body editor.
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

