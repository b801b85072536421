// A photo's caption in the WordPress media library names the photographer once, in the
// article's language, whether or not the credit line already carries its own label.
import { describe, expect, it } from 'vitest';
import { wordpressCaption } from './wordpress-caption';

const caption = (text: string) => [{ type: 'text', text }];

describe('wordpressCaption', () => {
  it('adds the label to a bare credit', () => {
    expect(wordpressCaption(caption('Councillors vote'), 'City Press', 'en')).toBe('Councillors vote (Photo: City Press)');
    expect(wordpressCaption(caption('议员们在投票'), '城市日报', 'zh-CN')).toBe('议员们在投票（摄影：城市日报）');
  });

  it('keeps a credit that already says what it is, without a second label', () => {
    expect(wordpressCaption(caption('Councillors vote'), 'Photo: City Press', 'en')).toBe('Councillors vote (Photo: City Press)');
    expect(wordpressCaption(caption('议员们在投票'), '图片：城市日报', 'zh-CN')).toBe('议员们在投票（图片：城市日报）');
  });

  it('does not call a supplied photo "photographed by", and credits an agency as the source', () => {
    expect(wordpressCaption(caption('开园仪式'), '高新区管委会供图', 'zh-CN')).toBe('开园仪式（高新区管委会供图）');
    expect(wordpressCaption(caption('开园仪式'), '新华社', 'zh-CN')).toBe('开园仪式（来源：新华社）');
  });

  it('escapes the caption for WordPress, which stores it as HTML', () => {
    expect(wordpressCaption(caption('<b>x</b>'), '', 'en')).toBe('&lt;b&gt;x&lt;/b&gt;');
  });
});
