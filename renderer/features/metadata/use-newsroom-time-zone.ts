// Runs in: renderer. The zone planned times are shown and typed in: the article's own, else the
// newsroom's from Settings, else this computer's.
import { isKnownTimeZone, systemTimeZone } from '../../../common/time/zoned-time';
import { useStores } from '../../stores/stores-context';

export function useNewsroomTimeZone(articleZone: string | null = null): string {
  const { settings } = useStores();
  const newsroom = settings((s) => s.settings.timeZone);
  if (articleZone && isKnownTimeZone(articleZone)) return articleZone;
  return newsroom ?? systemTimeZone();
}
