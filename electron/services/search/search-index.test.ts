// Runs in: tests (node). Editors find articles in Chinese and English, and the index survives restarts.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { newArticle, type Article } from '../../../common/article';
import { rankShards, SearchIndex } from './search-index';

function article(id: string, headline: string, body: string, extra: Partial<Article['meta']> = {}): Article {
  const a = newArticle(id, '2026-11-25T08:00:00.000Z');
  return {
    ...a,
    headline,
    body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: body }] }] },
    meta: { ...a.meta, ...extra },
  };
}

const AUTH = article('0000000000auth00000000', '系统故障', '用户身份认证失败，工程师正在处理。');
const XINHUA = article('0000000000xinhua000000', '市长讲话', '新华社北京11月25日电 市长在新闻发布会上讲话。');
const SHANGHAI = article('0000000000shanghai0000', '上海天气', '上海明天有雨，京沪高铁正常运行。');
const COUNCIL = article('0000000000council00000', 'City council approves budget', 'The council voted 7-2 on Tuesday.', {
  tags: ['politics'],
  bylines: [{ name: 'Jane Doe', role: '' }],
});

let index: SearchIndex;
beforeEach(() => {
  index = SearchIndex.empty();
  for (const a of [AUTH, XINHUA, SHANGHAI, COUNCIL]) index.add(a);
});

describe('SearchIndex', () => {
  it('finds a two-character Chinese word inside an unspaced sentence, and nothing else', () => {
    expect(index.search('认证')).toEqual([AUTH.id]);
    expect(index.search('北京')).toEqual([XINHUA.id]);
    expect(index.search('上海')).toEqual([SHANGHAI.id]);
  });

  it('requires every bigram of a longer Chinese query', () => {
    expect(index.search('身份认证')).toEqual([AUTH.id]);
    // 京沪 and 北京 share 京 but the query's bigram 北京 is only in the Xinhua story.
    expect(index.search('北京高铁')).toEqual([]);
    expect(index.search('发布会')).toEqual([XINHUA.id]);
  });

  it('finds a lone Chinese character wherever it stands in a run, the last place included', () => {
    expect(index.search('败')).toEqual([AUTH.id]);
    expect(index.search('用')).toEqual([AUTH.id]);
  });

  it('finds English by word, by prefix while typing, and by tag or byline', () => {
    expect(index.search('council')).toEqual([COUNCIL.id]);
    expect(index.search('Budg')).toEqual([COUNCIL.id]);
    expect(index.search('council budget')).toEqual([COUNCIL.id]);
    expect(index.search('council weather')).toEqual([]);
    expect(index.search('politics')).toEqual([COUNCIL.id]);
    expect(index.search('jane')).toEqual([COUNCIL.id]);
    expect(index.search('  ')).toEqual([]);
  });

  it('ranks a headline match above a body match', () => {
    index.add(article('0000000000second00000', 'Weather', 'The city council meets again next week.'));
    expect(index.search('council')[0]).toBe(COUNCIL.id);
    expect(index.search('council')).toHaveLength(2);
  });

  it('puts the newest of equally relevant articles first, whatever order they were indexed in', () => {
    const story = (id: string, updatedAt: string) => ({ ...article(id, '港口天气', '今天有雨。', { tags: ['台风'] }), updatedAt });
    const oldest = story('0000000000typhoon1oldest', '2026-11-01T08:00:00.000Z');
    const newest = story('0000000000typhoon2newest', '2026-11-20T08:00:00.000Z');
    const middle = story('0000000000typhoon3middle', '2026-11-10T08:00:00.000Z');
    for (const a of [oldest, newest, middle]) index.add(a);
    expect(new Set(index.searchScored('台风').map((r) => r.score)).size).toBe(1);
    expect(index.search('台风')).toEqual([newest.id, middle.id, oldest.id]);
    // Relevance still comes first: a headline match outranks the newer tag-only ones.
    const headline = { ...article('0000000000typhoon4headln', '台风登陆', '今天有雨。'), updatedAt: '2026-10-01T08:00:00.000Z' };
    index.add(headline);
    expect(index.search('台风')[0]).toBe(headline.id);
  });

  it('forgets removed articles and re-indexes edited ones', () => {
    index.remove(AUTH.id);
    expect(index.search('认证')).toEqual([]);
    index.replace({ ...SHANGHAI, body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: '广州晴' }] }] } });
    expect(index.search('上海')).toEqual([SHANGHAI.id]);
    expect(index.search('雨')).toEqual([]);
    expect(index.search('广州')).toEqual([SHANGHAI.id]);
  });

  describe('persistence', () => {
    let dir: string;
    beforeEach(async () => {
      dir = await mkdtemp(join(tmpdir(), 'dateline-search-'));
    });
    afterEach(async () => {
      await rm(dir, { recursive: true, force: true });
    });

    it('reloads from search-index.json with the same results', async () => {
      const path = join(dir, 'search-index.json');
      await index.saveFile(path);
      const loaded = await SearchIndex.loadFile(path);
      expect(loaded.size).toBe(4);
      expect(loaded.search('认证')).toEqual([AUTH.id]);
      expect(loaded.search('coun')).toEqual([COUNCIL.id]);
    });

    it('starts empty from a corrupt or foreign file instead of failing', async () => {
      const path = join(dir, 'search-index.json');
      await writeFile(path, '{"format":"dateline-search-index","version":1,"stamps":{}}\n{broken');
      expect((await SearchIndex.loadFile(path)).size).toBe(0);
      expect((await SearchIndex.loadFile(join(dir, 'missing.json'))).size).toBe(0);
      // latin1 keeps every byte as it is.
      expect(SearchIndex.load(Buffer.from(index.serialize().toString('latin1').replace('"version":', '"version":9'), 'latin1'))).toBeNull();
    });
  });
});

describe('rankShards', () => {
  it('answers nothing for a word no shard holds, without counting the postings of the others', () => {
    const a = SearchIndex.empty();
    const b = SearchIndex.empty();
    a.add(AUTH);
    b.add(XINHUA);
    const prepare = vi.spyOn(SearchIndex.prototype, 'prepare');
    try {
      expect(rankShards([a, b], 'xyzzy 新闻')).toEqual([
        { ids: [], scores: [] },
        { ids: [], scores: [] },
      ]);
      expect(prepare).not.toHaveBeenCalled();
      expect(rankShards([a, b], '新闻')[1]!.ids).toEqual([XINHUA.id]);
      expect(prepare).toHaveBeenCalledTimes(2);
    } finally {
      prepare.mockRestore();
    }
  });

  it('scores equal articles in different shards alike, whatever order each shard met the words a prefix extends to', () => {
    const words = ['ferryman', 'ferries', 'ferry', 'ferrying', 'ferried'];
    for (let t = 0; t < 40; t++) {
      // Each shard meets the words in its own order first, then holds the same article.
      const a = SearchIndex.empty();
      const b = SearchIndex.empty();
      a.add(article(`a-first-${t}`, 'x', `${words[t % 5]} one`));
      b.add(article(`b-first-${t}`, 'x', `${words[(t + 2) % 5]} two`));
      const text = `${words.join(' ')} ${'ferry '.repeat(t % 5)} ferries ${t}`;
      a.add(article(`a-same-${t}`, `Ferryman ferries ${t}`, text));
      b.add(article(`b-same-${t}`, `Ferryman ferries ${t}`, text));
      const [inA, inB] = rankShards([a, b], 'fer');
      const scoreOf = (answer: { ids: string[]; scores: number[] }, id: string) => answer.scores[answer.ids.indexOf(id)];
      expect(scoreOf(inA!, `a-same-${t}`), `case ${t}`).toBe(scoreOf(inB!, `b-same-${t}`));
    }
  });
});
