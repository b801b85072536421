// Runs in: renderer. The library's search box. It renders on its own as keys are typed (nothing
// else on the screen reads the words), and an input method's composition is searched once, when
// it commits, never letter by letter of its pinyin.
import { useState } from 'react';
import { useRenderProbe } from '../../kit/use-render-probe';
import { useStores } from '../../stores/stores-context';
import { useT } from '../../i18n/use-t';

export function SearchBox() {
  useRenderProbe('SearchBox');
  const t = useT();
  const { library } = useStores();
  const query = library((s) => s.filter.query);
  // What an input method is composing (null when none): shown in the box, not yet searched.
  const [composed, setComposed] = useState<string | null>(null);

  return (
    <input
      type="search"
      role="searchbox"
      className="search"
      aria-label={t('library.search')}
      placeholder={t('library.searchPlaceholder')}
      value={composed ?? query}
      maxLength={500}
      onCompositionStart={(event) => setComposed(event.currentTarget.value)}
      onCompositionEnd={(event) => {
        setComposed(null);
        library.getState().setQuery(event.currentTarget.value);
      }}
      onChange={(event) => {
        if (composed !== null) setComposed(event.target.value);
        else library.getState().setQuery(event.target.value);
      }}
    />
  );
}
