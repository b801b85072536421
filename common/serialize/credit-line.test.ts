import { describe, expect, it } from 'vitest';
import { creditFromLine, creditLine } from './credit-line';

describe('a photo credit, as the newsroom prints it', () => {
  const cases: [credit: string, language: string, printed: string][] = [
    // A photographer's name gets 摄影 / Photo:.
    ['张三', 'zh-CN', '摄影：张三'],
    ['  王敏 ', 'zh-CN', '摄影：王敏'],
    ['Jane Doe', 'en', 'Photo: Jane Doe'],
    ['Jane Doe', 'zh-CN', '摄影：Jane Doe'],
    // A credit that already says what it is stays as written.
    ['高新区管委会供图', 'zh-CN', '高新区管委会供图'],
    ['新华社记者 李华 摄', 'zh-CN', '新华社记者 李华 摄'],
    ['李华摄', 'zh-CN', '李华摄'],
    ['图/李华', 'zh-CN', '图/李华'],
    ['图片：城市日报', 'zh-CN', '图片：城市日报'],
    ['来源：成都日报', 'zh-CN', '来源：成都日报'],
    ['新华社发', 'zh-CN', '新华社发'],
    ['摄影：张三', 'zh-CN', '摄影：张三'],
    ['Photo: City Press', 'en', 'Photo: City Press'],
    ['Courtesy of the city council', 'en', 'Courtesy of the city council'],
    ['Handout', 'en', 'Handout'],
    ['AP Photo/Jane Doe', 'en', 'AP Photo/Jane Doe'],
    ['Jane Doe/Reuters', 'en', 'Jane Doe/Reuters'],
    // An agency is a source, not a photographer.
    ['新华社', 'zh-CN', '来源：新华社'],
    ['视觉中国', 'zh-CN', '来源：视觉中国'],
    ['Reuters', 'zh-CN', '来源：Reuters'],
    ['Reuters', 'en', 'Photo: Reuters'],
    ['getty images', 'en', 'Photo: getty images'],
    // No credit, no line.
    ['', 'zh-CN', ''],
    ['   ', 'en', ''],
  ];
  it.each(cases)('%j in %s is printed %j', (credit, language, printed) => {
    expect(creditLine(credit, language)).toBe(printed);
  });
});

describe('a printed credit read back', () => {
  it.each([
    ['摄影：张三', '张三'],
    ['来源：新华社', '新华社'],
    ['Photo: Jane Doe', 'Jane Doe'],
    ['Photo: Reuters', 'Reuters'],
    ['高新区管委会供图', '高新区管委会供图'],
    ['来源：成都日报', '来源：成都日报'],
    ['Photo: ', 'Photo:'],
  ])('%j came from the credit %j', (line, credit) => {
    expect(creditFromLine(line)).toBe(credit);
  });
});
