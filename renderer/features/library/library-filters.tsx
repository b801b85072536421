// Runs in: renderer. Search box and status / section / tag filters above the library list. Each
// menu reads only its own value and list, so a key typed in the search box renders none of them.
import { memo, useId } from 'react';
import { ARTICLE_STATUSES, articleStatusSchema } from '../../../common/article';
import { useRenderProbe } from '../../kit/use-render-probe';
import { useStores } from '../../stores/stores-context';
import { useT } from '../../i18n/use-t';
import { SearchBox } from './search-box';

export const LibraryFilters = memo(function LibraryFilters() {
  return (
    <div className="filters">
      <SearchBox />
      <StatusMenu />
      <SectionMenu />
      <TagMenu />
    </div>
  );
});

function StatusMenu() {
  useRenderProbe('LibraryFilterMenu');
  const t = useT();
  const id = useId();
  const { library } = useStores();
  const status = library((s) => s.filter.status);
  return (
    <div className="inline-field">
      <label htmlFor={id}>{t('library.filter.status')}</label>
      <select
        id={id}
        value={status ?? ''}
        onChange={(event) => {
          const parsed = articleStatusSchema.safeParse(event.target.value);
          library.getState().setStatus(parsed.success ? parsed.data : null);
        }}
      >
        <option value="">{t('library.filter.anyStatus')}</option>
        {ARTICLE_STATUSES.map((value) => (
          <option key={value} value={value}>
            {t(`article.status.${value}`)}
          </option>
        ))}
      </select>
    </div>
  );
}

function SectionMenu() {
  useRenderProbe('LibraryFilterMenu');
  const t = useT();
  const id = useId();
  const { library } = useStores();
  const section = library((s) => s.filter.section);
  const sections = library((s) => s.sections);
  return (
    <div className="inline-field">
      <label htmlFor={id}>{t('library.filter.section')}</label>
      <select id={id} value={section ?? ''} onChange={(event) => library.getState().setSection(event.target.value || null)}>
        <option value="">{t('library.filter.anySection')}</option>
        {withSelected(sections, section).map((value) => (
          <option key={value} value={value}>
            {value}
          </option>
        ))}
      </select>
    </div>
  );
}

function TagMenu() {
  useRenderProbe('LibraryFilterMenu');
  const t = useT();
  const id = useId();
  const { library } = useStores();
  const tag = library((s) => s.filter.tag);
  const tags = library((s) => s.tags);
  return (
    <div className="inline-field">
      <label htmlFor={id}>{t('library.filter.tag')}</label>
      <select id={id} value={tag ?? ''} onChange={(event) => library.getState().setTag(event.target.value || null)}>
        <option value="">{t('library.filter.anyTag')}</option>
        {withSelected(tags, tag).map((value) => (
          <option key={value} value={value}>
            {value}
          </option>
        ))}
      </select>
    </div>
  );
}

/** Keeps the chosen value selectable even when the latest list no longer names it. */
function withSelected(values: string[], selected: string | null): string[] {
  return selected && !values.includes(selected) ? [selected, ...values] : values;
}
