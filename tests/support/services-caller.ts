// Runs in: tests (node). Calls a Services instance the way the transports do: the operation's
// schema parses the input first (defaults applied, bad input refused), then the handler runs.
import type { Article } from '../../common/article';
import { operations, type OperationHandlers, type OperationName, type ParsedInput } from '../../common/contract';
import type { OutboxJob } from '../../common/publish/publish-job';
import type { Services } from '../../electron/services/create-services';

export type ServicesCall = <K extends OperationName>(name: K, input: Parameters<OperationHandlers[K]>[0] | Record<string, unknown>) => ReturnType<OperationHandlers[K]>;

export function servicesCaller(services: Services): ServicesCall {
  return ((name: OperationName, input: unknown) => {
    const parsed = operations[name].parse(input) as ParsedInput<typeof name>;
    return (services.handlers[name] as (i: unknown) => Promise<unknown>)(parsed);
  }) as ServicesCall;
}

/** Saves the stored article as `change` makes it, and returns what the library now holds. */
export async function saveArticle(call: ServicesCall, id: string, change: (article: Article) => Article): Promise<Article> {
  await call('articles.save', { article: change(await call('articles.get', { id })) });
  return call('articles.get', { id });
}

/** Asks again every 50 ms until `done` holds or `timeoutMs` passed; returns the last answer, for the test's expect to judge. */
export async function eventually<T>(ask: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let value = await ask();
  while (!done(value) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    value = await ask();
  }
  return value;
}

/** The publishing job once it stopped running: done, failed, in conflict or cancelled. */
export function settledJob(call: ServicesCall, jobId: string): Promise<OutboxJob> {
  return eventually(
    () => call('outbox.get', { jobId }),
    (job) => job.state === 'done' || job.state === 'failed' || job.state === 'conflict' || job.state === 'cancelled',
  );
}

export interface ReadyStory {
  headline: string;
  summary: string;
  section: string;
  tag: string;
  byline: string;
  /** The body: one paragraph. */
  text: string;
}

/** Creates an article that passes the publishing checklist (a lead photo aside) and returns its id. */
export async function createReadyStory(call: ServicesCall, story: ReadyStory): Promise<string> {
  const { id } = await call('articles.create', {});
  await saveArticle(call, id, (a) => ({
    ...a,
    headline: story.headline,
    summary: story.summary,
    meta: { ...a.meta, section: story.section, tags: [story.tag], bylines: [{ name: story.byline, role: '' }] },
    body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: story.text }] }] },
  }));
  return id;
}

/** The reporter submits the story to the desk; the editor opens and approves it. */
export async function submitAndApprove(reporter: ServicesCall, editor: ServicesCall, id: string): Promise<void> {
  await reporter('review.transition', { id, action: 'submit' });
  await editor('review.open', { id });
  await editor('review.transition', { id, action: 'approve' });
}
