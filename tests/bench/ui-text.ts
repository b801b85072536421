// Runs in: the benchmark script (Node). The English UI strings the benchmark finds controls by,
// straight from the app's catalogue so a wording change cannot silently break the bench.
import { catalogues, type MessageKey } from '../../renderer/i18n/messages/catalogues';

export function uiText(key: MessageKey, vars: Record<string, string | number> = {}): string {
  return catalogues.en[key].replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m));
}
