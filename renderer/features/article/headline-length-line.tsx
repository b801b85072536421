// Runs in: renderer. The headline's length against the desk's guide ("18 of 30 字"); past the guide
// it says by how much, in words as well as colour. Only the headline field re-renders it.
import { headlineLength } from '../../../common/text/headline-length';
import { useT } from '../../i18n/use-t';
import { useStores } from '../../stores/stores-context';

export interface HeadlineLengthLineProps {
  id: string;
  headline: string;
}

export function HeadlineLengthLine({ id, headline }: HeadlineLengthLineProps) {
  const t = useT();
  const { article, settings } = useStores();
  const language = article((s) => s.article?.meta.language ?? 'en');
  const guide = settings((s) => s.settings.headlineGuide);
  const length = headlineLength(headline, language, guide);
  const zi = length.unit === 'zi';
  return (
    <p id={id} className={length.over > 0 ? 'headline-length headline-length-over' : 'headline-length'}>
      <span>{t(zi ? 'headline.length.zi' : 'headline.length.characters', { count: String(length.count), guide: String(length.guide) })}</span>
      {length.over > 0 ? <span className="headline-length-warning">{t(zi ? 'headline.length.overZi' : 'headline.length.overCharacters', { over: String(length.over) })}</span> : null}
    </p>
  );
}
