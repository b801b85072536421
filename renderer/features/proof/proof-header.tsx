// Runs in: renderer. What a printed proof leads with: headline, subheadline, byline, summary and the
// counts. Hidden on screen (the fields show these there); the print stylesheet shows it.
import { useStores } from '../../stores/stores-context';
import { useI18nStore } from '../../i18n/i18n-store';
import { useT } from '../../i18n/use-t';
import { countLabels } from '../article/word-count';
import { headlineLength } from '../../../common/text/headline-length';

export function ProofHeader() {
  const t = useT();
  const locale = useI18nStore((s) => s.locale);
  const { article, settings } = useStores();
  const open = article((s) => s.article);
  const stats = article((s) => s.stats);
  const guide = settings((s) => s.settings.headlineGuide);
  if (!open) return null;
  const language = open.meta.language;
  const bylines = open.meta.bylines.filter((b) => b.name.trim() !== '');
  const length = headlineLength(open.headline, language, guide);
  const headlineCount = t(length.unit === 'zi' ? 'headline.length.zi' : 'headline.length.characters', { count: length.count, guide: length.guide });
  return (
    <div className="proof-header" lang={language}>
      <p className="proof-label">{t('proof.label')}</p>
      <h1 className="proof-headline">{open.headline || t('proof.noHeadline')}</h1>
      {open.subheadline ? <p className="proof-subheadline">{open.subheadline}</p> : null}
      {bylines.length > 0 ? <p className="proof-byline">{t('proof.byline', { names: bylines.map((b) => (b.role ? `${b.name} (${b.role})` : b.name)).join(', ') })}</p> : null}
      {open.summary ? <p className="proof-summary">{open.summary}</p> : null}
      <p className="proof-counts">
        {t('proof.headlineCount', { count: headlineCount })} · {countLabels(stats, locale, language).join(' · ')}
      </p>
    </div>
  );
}
