// Runs in: services. What every review hub does with its callers' input and its messages: parse
// the input with its schema (a clear 'invalid-input' naming the field otherwise), and name an
// article the way people know it.
import type { z } from 'zod';
import { AppError } from '../../../common/app-error';
import type { Article } from '../../../common/article';

/** The value parsed by `schema`; `hubName` starts the message, e.g. "The review hub". */
export function parseHubInput<S extends z.ZodType>(schema: S, value: unknown, what: string, hubName: string): z.output<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const where = issue && issue.path.length > 0 ? ` at ${issue.path.map(String).join('.')}` : '';
  throw new AppError('invalid-input', `${hubName} cannot accept ${what}${where}: ${issue?.message ?? 'invalid'}`, { kind: 'hub-input', issues: parsed.error.issues.length });
}

/** The headline, or the id of an article that has none yet. */
export function articleTitle(article: Article): string {
  return article.headline.trim() || article.id;
}
