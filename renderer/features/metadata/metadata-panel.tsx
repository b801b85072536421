// Runs in: renderer. The "Article details" side panel: section, tags, bylines, slug, timing, language.
import { useEffect, useId, useRef } from 'react';
import { isUsableSlug } from '../../../common/text/slugify';
import { useStores } from '../../stores/stores-context';
import { useT } from '../../i18n/use-t';
import { BylinesEditor } from './bylines-editor';
import { instantFromZonedInput, zonedInputValue } from '../../../common/time/zoned-time';
import { useNewsroomTimeZone } from './use-newsroom-time-zone';
import { TagInput } from './tag-input';
import { TextArea } from '../../kit/text-area';
import { useSettledValue } from '../../kit/use-settled-value';

/** How long the headline's typing pauses before the slug field shows the slug it now makes. */
export const SLUG_FOLLOW_MS = 700;

export const ARTICLE_LANGUAGES: { tag: string; name: string }[] = [
  { tag: 'en', name: 'English' },
  { tag: 'zh-CN', name: '简体中文 (zh-CN)' },
  { tag: 'zh-TW', name: '繁體中文 (zh-TW)' },
  { tag: 'ja', name: '日本語' },
  { tag: 'ko', name: '한국어' },
  { tag: 'fr', name: 'Français' },
  { tag: 'de', name: 'Deutsch' },
  { tag: 'es', name: 'Español' },
];

export function MetadataPanel() {
  const t = useT();
  const id = {
    section: useId(),
    sections: useId(),
    source: useId(),
    publisher: useId(),
    dateline: useId(),
    slug: useId(),
    slugHint: useId(),
    planned: useId(),
    plannedZone: useId(),
    language: useId(),
    note: useId(),
  };
  const { article, library } = useStores();
  const meta = article((s) => s.article?.meta);
  const knownSections = library((s) => s.sections);
  const zone = useNewsroomTimeZone(meta?.plannedTimeZone ?? null);
  // The slug follows the headline once typing there pauses; one the reporter edits shows at once, as
  // do a reset, another story or a restore.
  const slugFollowsTyping = article((s) => s.slugFollowsTyping);
  const shownSlug = useSettledValue(meta?.slug ?? '', SLUG_FOLLOW_MS, (meta?.slugEdited ?? true) || !slugFollowsTyping);
  // Another story's details start at the top, not where the last one's were scrolled to.
  const articleId = article((s) => s.article?.id ?? null);
  const editorKey = article((s) => s.editorKey);
  const panel = useRef<HTMLElement>(null);
  useEffect(() => {
    if (panel.current) panel.current.scrollTop = 0;
  }, [articleId]);
  if (!meta) return null;
  const { updateMeta, resetSlug } = article.getState();
  const languages = ARTICLE_LANGUAGES.some((l) => l.tag === meta.language) ? ARTICLE_LANGUAGES : [...ARTICLE_LANGUAGES, { tag: meta.language, name: meta.language }];
  const slugOk = meta.slug === '' || isUsableSlug(meta.slug);

  return (
    <aside ref={panel} className="metadata-panel" aria-label={t('metadata.title')}>
      <h2>{t('metadata.title')}</h2>
      <div className="field">
        <label htmlFor={id.section}>{t('metadata.section')}</label>
        <input id={id.section} list={id.sections} value={meta.section} maxLength={200} onChange={(e) => updateMeta({ section: e.target.value })} />
        <datalist id={id.sections}>
          {knownSections.map((section) => (
            <option key={section} value={section} />
          ))}
        </datalist>
      </div>
      {/* Keyed by story and editor: what they can undo belongs to the story it was removed from. */}
      <TagInput key={`tags:${articleId}:${editorKey}`} label={t('metadata.tags')} tags={meta.tags} onChange={(tags) => updateMeta({ tags })} />
      <BylinesEditor key={`bylines:${articleId}:${editorKey}`} bylines={meta.bylines} onChange={(bylines) => updateMeta({ bylines })} />
      <div className="field">
        <label htmlFor={id.source}>{t('metadata.source')}</label>
        <input id={id.source} value={meta.source} maxLength={200} onChange={(e) => updateMeta({ source: e.target.value })} />
      </div>
      <div className="field">
        <label htmlFor={id.publisher}>{t('metadata.publisher')}</label>
        <input id={id.publisher} value={meta.publisher} maxLength={200} onChange={(e) => updateMeta({ publisher: e.target.value })} />
      </div>
      <div className="field">
        <label htmlFor={id.dateline}>{t('metadata.dateline')}</label>
        <input
          id={id.dateline}
          value={meta.dateline}
          maxLength={200}
          placeholder={t('metadata.datelinePlaceholder')}
          onChange={(e) => updateMeta({ dateline: e.target.value })}
        />
      </div>
      <div className="field">
        <label htmlFor={id.slug}>{t('metadata.slug')}</label>
        <div className="field-row">
          <input
            id={id.slug}
            value={shownSlug}
            maxLength={200}
            aria-describedby={id.slugHint}
            aria-invalid={!slugOk}
            onChange={(e) => updateMeta({ slug: e.target.value, slugEdited: true })}
          />
          <button type="button" disabled={!meta.slugEdited} onClick={resetSlug}>
            {t('metadata.resetSlug')}
          </button>
        </div>
        <p id={id.slugHint} className={`hint ${slugOk ? '' : 'hint-error'}`}>
          {slugOk ? (meta.slugEdited ? t('metadata.slugEdited') : t('metadata.slugFollows')) : t('metadata.slugUnusable')}
        </p>
      </div>
      <div className="field">
        <label htmlFor={id.planned}>{t('metadata.plannedAt')}</label>
        <input
          id={id.planned}
          type="datetime-local"
          step={1}
          value={zonedInputValue(meta.plannedAt, zone)}
          onChange={(e) => {
            const plannedAt = instantFromZonedInput(e.target.value, zone);
            updateMeta({ plannedAt, plannedTimeZone: plannedAt ? zone : null });
          }}
          aria-describedby={id.plannedZone}
        />
        <span id={id.plannedZone} className="hint time-zone-name">
          {zone}
        </span>
      </div>
      <div className="field">
        <label htmlFor={id.language}>{t('metadata.language')}</label>
        <select id={id.language} value={meta.language} onChange={(e) => updateMeta({ language: e.target.value })}>
          {languages.map((language) => (
            <option key={language.tag} value={language.tag}>
              {language.name}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={id.note}>{t('metadata.editorsNote')}</label>
        <TextArea id={id.note} rows={4} value={meta.editorsNote} maxLength={5000} onChange={(e) => updateMeta({ editorsNote: e.target.value })} />
      </div>
    </aside>
  );
}
