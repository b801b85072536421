// Runs in: renderer. The article toolbar's "Publish" button and the dialog it opens.
import { useState } from 'react';
import { useT } from '../../i18n/use-t';
import { PublishDialog } from './publish-dialog';

export function PublishButton() {
  const t = useT();
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className="primary" onClick={() => setOpen(true)}>
        {t('publish.open')}
      </button>
      {open ? <PublishDialog onClose={() => setOpen(false)} /> : null}
    </>
  );
}
