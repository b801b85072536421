// Runs in: renderer. What a printed proof leads with: headline, subheadline, byline, summary and the
// counts. Hidden on screen (the fields show these there); the print stylesheet shows it.
import { useStores } from '../../stores/stores-context';
import { useI18nStore } from '../../i18n/i18n-store';
import { useT } from '../../i18n/use-t';
import { countLabels } from '../article/word-count';
import { headlineLength } from '../../../common/text/headline-length';
import { useRenderProbe } from '../../kit/use-render-probe';

export function ProofHeader() {
  const t = useT();
  const locale = useI18nStore((s) => s.locale);
  const { article, settings } = useStores();
  useRenderProbe('ProofHeader');
  // The fields it shows, each on its own: a save gives the article a new revision, which the proof
  // does not show, and autosave runs while the reporter types.
  const isOpen = article((s) => s.article !== null);
  const headline = article((s) => s.article?.headline ?? '');
  const subheadline = article((s) => s.article?.subheadline ?? '');
  const summary = article((s) => s.article?.summary ?? '');
  const meta = article((s) => s.article?.meta);
  const stats = article((s) => s.stats);
  const guide = settings((s) => s.settings.headlineGuide);
  if (!isOpen || !meta) return null;
  const language = meta.language;
  const bylines = meta.bylines.filter((b) => b.name.trim() !== '');
  const length = headlineLength(headline, language, guide);
  const headlineCount = t(length.unit === 'zi' ? 'headline.length.zi' : 'headline.length.characters', { count: length.count, guide: length.guide });
  return (
    <div className="proof-header" lang={language}>
      <p className="proof-label">{t('proof.label')}</p>
      <h1 className="proof-headline">{headline || t('proof.noHeadline')}</h1>
      {subheadline ? <p className="proof-subheadline">{subheadline}</p> : null}
      {bylines.length > 0 ? <p className="proof-byline">{t('proof.byline', { names: bylines.map((b) => (b.role ? `${b.name} (${b.role})` : b.name)).join(', ') })}</p> : null}
      {summary ? <p className="proof-summary">{summary}</p> : null}
      <p className="proof-counts">
        {t('proof.headlineCount', { count: headlineCount })} · {countLabels(stats, locale, language).join(' · ')}
      </p>
    </div>
  );
}
