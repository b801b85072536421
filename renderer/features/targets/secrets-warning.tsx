// Runs in: renderer. Says plainly when passwords are not protected by the system keychain.
import type { SecretsBackendInfo } from '../../../common/publish/publish-target-config';
import { useT } from '../../i18n/use-t';

export function SecretsWarning({ secrets }: { secrets: SecretsBackendInfo | null }) {
  const t = useT();
  if (!secrets || secrets.secure) return null;
  const browser = secrets.backend === 'file';
  return (
    <section className="notice-warning" role="note" aria-label={t('targets.secrets.label')}>
      <strong>{browser ? t('targets.secrets.browserTitle') : t('targets.secrets.weakTitle')}</strong>
      <p>{browser ? t('targets.secrets.browser') : secrets.backend === 'basic_text' ? t('targets.secrets.basicText') : t('targets.secrets.other', { backend: secrets.backend })}</p>
    </section>
  );
}
