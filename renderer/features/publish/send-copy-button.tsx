// Runs in: renderer. A reporter's secondary "Send a copy…": hands a copy that does not go live
// (a draft, or pending review) to a target; their primary action is "Submit for review".
import { useState } from 'react';
import { useStores } from '../../stores/stores-context';
import { useT } from '../../i18n/use-t';
import { PublishDialog } from './publish-dialog';

export function SendCopyButton() {
  const t = useT();
  const { settings } = useStores();
  const role = settings((s) => s.settings.role);
  const [open, setOpen] = useState(false);
  if (role !== 'reporter') return null;
  return (
    <>
      <button type="button" onClick={() => setOpen(true)}>
        {t('publish.sendCopy')}
      </button>
      {open ? <PublishDialog onClose={() => setOpen(false)} /> : null}
    </>
  );
}
