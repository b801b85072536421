// Runs in: renderer. Search box and status / section / tag filters above the library list.
import { useId } from 'react';
import { ARTICLE_STATUSES, articleStatusSchema } from '../../../common/article';
import { useStores } from '../../stores/stores-context';
import { useT } from '../../i18n/use-t';

export function LibraryFilters() {
  const t = useT();
  const ids = { status: useId(), section: useId(), tag: useId() };
  const { library } = useStores();
  const filter = library((s) => s.filter);
  const sections = library((s) => s.sections);
  const tags = library((s) => s.tags);
  const actions = library.getState();

  return (
    <div className="filters">
      <input
        type="search"
        role="searchbox"
        className="search"
        aria-label={t('library.search')}
        placeholder={t('library.searchPlaceholder')}
        value={filter.query}
        maxLength={500}
        onChange={(event) => actions.setQuery(event.target.value)}
      />
      <div className="inline-field">
        <label htmlFor={ids.status}>{t('library.filter.status')}</label>
        <select
          id={ids.status}
          value={filter.status ?? ''}
          onChange={(event) => {
            const parsed = articleStatusSchema.safeParse(event.target.value);
            actions.setStatus(parsed.success ? parsed.data : null);
          }}
        >
          <option value="">{t('library.filter.anyStatus')}</option>
          {ARTICLE_STATUSES.map((status) => (
            <option key={status} value={status}>
              {t(`article.status.${status}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="inline-field">
        <label htmlFor={ids.section}>{t('library.filter.section')}</label>
        <select id={ids.section} value={filter.section ?? ''} onChange={(event) => actions.setSection(event.target.value || null)}>
          <option value="">{t('library.filter.anySection')}</option>
          {withSelected(sections, filter.section).map((section) => (
            <option key={section} value={section}>
              {section}
            </option>
          ))}
        </select>
      </div>
      <div className="inline-field">
        <label htmlFor={ids.tag}>{t('library.filter.tag')}</label>
        <select id={ids.tag} value={filter.tag ?? ''} onChange={(event) => actions.setTag(event.target.value || null)}>
          <option value="">{t('library.filter.anyTag')}</option>
          {withSelected(tags, filter.tag).map((tag) => (
            <option key={tag} value={tag}>
              {tag}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}

/** Keeps the chosen value selectable even when the latest list no longer names it. */
function withSelected(values: string[], selected: string | null): string[] {
  return selected && !values.includes(selected) ? [selected, ...values] : values;
}
