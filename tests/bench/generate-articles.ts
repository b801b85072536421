// Runs in: the benchmark script (Node). Fills a library folder with generated articles (half
// English, half Chinese) by writing the store's own files directly, many at once: one folder per
// article with its article.json, as LibraryStore writes it (checked by the same schema, written with
// the same JSON layout), but without the store's fsyncs, so 100,000 articles take minutes, not hours.
// The summaries cache is not written: the first start reads the library cold.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { articleSchema, newArticle, type Article } from '../../common/article';
import { sortableId } from '../../electron/services/store/sortable-id';
import { BenchText } from './bench-text';
import { BENCH_VOCABULARY as V } from './bench-vocabulary';

const CONCURRENCY = 64;
const STATUSES = ['draft', 'draft', 'draft', 'submitted', 'approved', 'published'] as const;

/**
 * Writes `count` articles under `libraryRoot` and returns them as saved (for in-process search
 * baselines); with `keep: false` it returns none (100,000 articles do not need to stay in memory).
 */
export async function generateArticles(libraryRoot: string, count: number, onProgress: (done: number) => void, options: { keep?: boolean } = {}): Promise<Article[]> {
  const keep = options.keep ?? true;
  const text = new BenchText(10_000 + count);
  const out: Article[] = keep ? new Array<Article>(count) : [];
  const articlesDir = join(libraryRoot, 'articles');
  await mkdir(articlesDir, { recursive: true });
  // One clock for the whole run, a millisecond apart: distinct, increasing times and ids.
  const base = Date.now() - count;
  let next = 0;
  let done = 0;
  const worker = async (): Promise<void> => {
    while (next < count) {
      const index = next++;
      const chinese = index % 2 === 1;
      const at = new Date(base + index).toISOString();
      const created = newArticle(sortableId(base + index), at, chinese ? 'zh-CN' : 'en');
      const content = chinese ? chineseArticle(text) : englishArticle(text);
      const article = articleSchema.parse({ ...created, ...content, status: text.random.pick(STATUSES), meta: { ...created.meta, ...content.meta }, revision: 1 });
      const dir = join(articlesDir, article.id);
      await mkdir(dir);
      await writeFile(join(dir, 'article.json'), JSON.stringify(article, null, 2));
      if (keep) out[index] = article;
      onProgress(++done);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
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
