// Runs in: services and renderer. A photo credit as a newsroom prints it under a picture, in the
// article's language: 摄影：张三 for a photographer, 来源：新华社 for an agency, and a credit that
// already says what it is (…供图, 张三 摄, 图/…, 来源：…, Photo: …, Courtesy of …) left as written.

/** Agencies and picture desks credited as a source rather than as a photographer. */
const AGENCIES: readonly string[] = [
  '新华社', '中新社', '中国新闻社', '中新网', '人民视觉', '视觉中国', '东方IC', 'IC photo', 'CFP', '图虫创意',
  '澎湃影像', '路透社', '美联社', '法新社', '欧新社', '彭博社', '共同社', '盖蒂图片社',
  'Xinhua', 'China News Service', 'VCG', 'Visual China Group', 'Reuters', 'AP', 'Associated Press',
  'AFP', 'EPA', 'Getty Images', 'Bloomberg', 'Kyodo', 'Kyodo News', 'Shutterstock', 'Alamy',
];
const AGENCY_SET = new Set(AGENCIES.map((name) => name.toLowerCase()));

/** Chinese credits that already name their kind: 供图, 摄/摄影, 图/图片, 来源, or an agency's 发. */
const ZH_LABELLED = /供图|摄|图|来源|稿源|提供|社发$/u;
/** English credits that already name their kind. */
const EN_LABELLED = /^(?:photos?|photograph(?:y|ed by)?|pictures?|image|credit|source|courtesy|handout|file photo|supplied)\b|courtesy of|\bhandout\b|\/(?:AP|AFP|Reuters|Getty Images|EPA)\b|\b(?:AP|AFP|EPA) Photo\b/iu;
/** Any "Label: text" form a person typed ("Photo: …", "图片：…", "Credit: …"). */
const ANY_LABEL = /^[^:：]{1,20}[:：]/u;

export type CreditKind = 'empty' | 'as-written' | 'agency' | 'photographer';

/** What a credit says it is; the table in credit-line.test.ts shows each case. */
export function creditKind(credit: string): CreditKind {
  const text = credit.trim();
  if (text.length === 0) return 'empty';
  if (ANY_LABEL.test(text) || ZH_LABELLED.test(text) || EN_LABELLED.test(text)) return 'as-written';
  if (AGENCY_SET.has(text.toLowerCase()) || /^\p{Script=Han}{2,12}(?:通讯社|新闻社)$/u.test(text)) return 'agency';
  return 'photographer';
}

/** The credit line for a photo in `language` ("zh-CN", "en", …); '' when there is no credit. */
export function creditLine(credit: string, language: string): string {
  const text = credit.trim();
  const zh = /^zh(?:-|$)/i.test(language);
  switch (creditKind(text)) {
    case 'empty':
      return '';
    case 'as-written':
      return text;
    case 'agency':
      return zh ? `来源：${text}` : `Photo: ${text}`;
    case 'photographer':
      return zh ? `摄影：${text}` : `Photo: ${text}`;
  }
}

/** The credit a printed line came from: creditLine's inverse, so a post read back keeps the name alone. */
export function creditFromLine(line: string): string {
  const text = line.trim();
  for (const [prefix, language] of [['摄影：', 'zh'], ['来源：', 'zh'], ['Photo: ', 'en']] as const) {
    const rest = text.slice(prefix.length).trim();
    if (text.startsWith(prefix) && rest.length > 0 && creditLine(rest, language) === text) return rest;
  }
  return text;
}
