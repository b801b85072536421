// Runs in: renderer. The article toolbar's "More" menu: the actions used now and then (exports,
// duplicate, preview as published, copy link, a reporter's "Send a copy…"), so the toolbar stays one row at 900 px.
import { useState } from 'react';
import type { MenuCommand } from '../../../common/bridge';
import { MenuButton, type MenuAction } from '../../kit/menu-button';
import { useStores } from '../../stores/stores-context';
import { useT } from '../../i18n/use-t';
import { PublishDialog } from '../publish/publish-dialog';
import { useCopyStoryLink } from './use-copy-story-link';

export interface ArticleMoreMenuProps {
  onCommand(command: MenuCommand): void;
}

export function ArticleMoreMenu({ onCommand }: ArticleMoreMenuProps) {
  const t = useT();
  const { settings } = useStores();
  const role = settings((s) => s.settings.role);
  const copyLink = useCopyStoryLink();
  const [sendingCopy, setSendingCopy] = useState(false);
  const command = (key: MenuCommand, label: string): MenuAction => ({ key, label, onSelect: () => onCommand(key) });
  const items: MenuAction[] = [
    command('article.export-html', t('article.exportHtml')),
    command('article.export-markdown', t('article.exportMarkdown')),
    command('article.duplicate', t('article.duplicate')),
    command('article.preview', t('proof.preview')),
  ];
  if (copyLink) items.push({ key: 'copy-link', label: t('deepLink.copy'), onSelect: copyLink });
  // A reporter's copy that does not go live (a draft, or pending review); their primary is "Submit for review".
  if (role === 'reporter') items.push({ key: 'send-copy', label: t('publish.sendCopy'), onSelect: () => setSendingCopy(true) });
  return (
    <>
      <MenuButton label={t('article.more')} items={items} />
      {sendingCopy ? <PublishDialog onClose={() => setSendingCopy(false)} /> : null}
    </>
  );
}
