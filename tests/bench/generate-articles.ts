// Runs in: the benchmark script (Node). Fills a library folder with generated articles (half
// English, half Chinese) through the real LibraryStore, so they are stored exactly as the app stores them.
import type { Article } from '../../common/article';
import { LibraryStore } from '../../electron/services/store/library-store';
import { BenchText } from './bench-text';
import { BENCH_VOCABULARY as V } from './bench-vocabulary';

const CONCURRENCY = 16;
const STATUSES = ['draft', 'draft', 'draft', 'submitted', 'approved', 'published'] as const;

/** Writes `count` articles under `libraryRoot` and returns them as saved (for in-process search baselines). */
export async function generateArticles(libraryRoot: string, count: number, onProgress: (done: number) => void): Promise<Article[]> {
  const store = new LibraryStore(libraryRoot);
  await store.open();
  const text = new BenchText(10_000 + count);
  const out: Article[] = new Array<Article>(count);
  let next = 0;
  let done = 0;
  const worker = async (): Promise<void> => {
    while (next < count) {
      const index = next++;
      const chinese = index % 2 === 1;
      const created = await store.create(chinese ? 'zh-CN' : 'en');
      const content = chinese ? chineseArticle(text) : englishArticle(text);
      const draft: Article = { ...created, ...content, status: text.random.pick(STATUSES), meta: { ...created.meta, ...content.meta } };
      const saved = await store.save(draft);
      out[index] = { ...draft, revision: saved.revision, updatedAt: saved.updatedAt };
      onProgress(++done);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  await store.close();
  return out;
}

export type Content = Pick<Article, 'headline' | 'subheadline' | 'summary' | 'body'> & { meta: Partial<Article['meta']> };

export function englishArticle(text: BenchText): Content {
  const r = text.random;
  return {
    headline: text.englishHeadline(),
    subheadline: r.next() < 0.5 ? text.englishSentence(r.int(6, 12)) : '',
    summary: text.englishParagraph(r.int(20, 30)),
    body: paragraphsDoc([text.englishParagraph(50), text.englishParagraph(50), text.englishParagraph(50)]),
    meta: {
      section: r.pick(V.sections).en,
      tags: tagsFor(text),
      bylines: Array.from({ length: r.int(1, 2) }, () => ({ name: r.pick(V.englishNames), role: r.pick(V.englishRoles) })),
      source: 'Dateline Daily',
      dateline: 'RIVERTON',
    },
  };
}

export function chineseArticle(text: BenchText): Content {
  const r = text.random;
  return {
    headline: text.chineseHeadline(),
    subheadline: r.next() < 0.5 ? text.chineseParagraph(r.int(10, 20)) : '',
    summary: text.chineseParagraph(r.int(40, 60)),
    body: paragraphsDoc([text.chineseParagraph(90), text.chineseParagraph(90), text.chineseParagraph(90)]),
    meta: {
      section: r.pick(V.sections).zh,
      tags: tagsFor(text),
      bylines: Array.from({ length: r.int(1, 2) }, () => ({ name: r.pick(V.chineseNames), role: r.pick(V.chineseRoles) })),
      source: '本报',
      dateline: '北京',
    },
  };
}

function tagsFor(text: BenchText): string[] {
  const tags = new Set<string>();
  const wanted = text.random.int(1, 4);
  while (tags.size < wanted) tags.add(text.random.pick(V.tags));
  return [...tags];
}

function paragraphsDoc(paragraphs: string[]): Article['body'] {
  return { type: 'doc', content: paragraphs.map((p) => ({ type: 'paragraph', content: [{ type: 'text', text: p }] })) };
}
