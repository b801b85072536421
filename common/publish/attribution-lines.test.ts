// Runs in: vitest (node). The source and editor line templates: only their own placeholder, and it
// must be there; empty switches the line off. Settings from elsewhere are held to the same rules.
import { describe, expect, it } from 'vitest';
import { makeArticle } from '../../tests/fixtures/sample-article';
import { attributionLines, attributionTemplateProblem } from './attribution-lines';
import { targetConfigSchema } from './publish-target-config';

describe('attribution line templates', () => {
  it.each([
    ['来源：{source}', 'source', null],
    ['稿源：{source}（{source}）', 'source', null],
    ['', 'source', null],
    ['   ', 'editor', null],
    ['责任编辑：{editor}', 'editor', null],
    ['来源：{sauce}', 'source', 'unknown-placeholder'],
    ['来源：{source} 编辑：{editor}', 'source', 'unknown-placeholder'],
    ['来源：{source', 'source', 'unknown-placeholder'],
    ['责任编辑：{}', 'editor', 'unknown-placeholder'],
    ['来源：成都日报', 'source', 'missing-placeholder'],
    [`{source}${'字'.repeat(200)}`, 'source', 'too-long'],
  ] as const)('%j for the %s line: %s', (template, line, problem) => {
    expect(attributionTemplateProblem(template, line)).toBe(problem);
  });

  it('fills the template in the story’s language, and no line where it is empty', () => {
    const story = makeArticle({ meta: { language: 'zh-CN', source: '成都日报', publisher: '王敏' } });
    expect(attributionLines(story, { zh: { source: '稿源：{source}', editor: '' } })).toEqual({ source: '稿源：成都日报', editor: null });
    expect(attributionLines(story, undefined)).toEqual({ source: '来源：成都日报', editor: '责任编辑：王敏' });
  });

  it('a target saved with an unknown placeholder is refused', () => {
    const ghost = { kind: 'ghost', id: 'ghost-site', name: 'Ghost', siteUrl: 'https://ghost.example.com' };
    expect(targetConfigSchema.safeParse({ ...ghost, attributionLines: { zh: { source: '来源：{source}' } } }).success).toBe(true);
    expect(targetConfigSchema.safeParse({ ...ghost, attributionLines: { zh: { source: '来源：{editor}' } } }).success).toBe(false);
    expect(targetConfigSchema.safeParse({ ...ghost, attributionLines: { en: { editor: 'Editor: {name}' } } }).success).toBe(false);
  });
});
