// Runs in: services and renderer. The few words an exported page prints around the article, in
// the article's own language (a Chinese story exports with Chinese labels whatever the UI says).
export interface PageLabels {
  untitled: string;
  by: string;
  section: string;
  dateline: string;
  planned: string;
  tags: string;
  source: string;
  publisher: string;
  /** Between a label and its value: "Planned: ...", "计划发布：...". */
  colon: string;
  /** Joins two bylines. */
  listSeparator: string;
  /** Put around a byline's role: "Jane Doe (Photos)", "张三（摄影）". */
  roleOpen: string;
  roleClose: string;
}

export const PAGE_LABELS_EN: PageLabels = {
  untitled: 'Untitled',
  by: 'By',
  section: 'Section',
  dateline: 'Dateline',
  planned: 'Planned',
  tags: 'Tags',
  source: 'Source',
  publisher: 'Publisher',
  colon: ': ',
  listSeparator: ', ',
  roleOpen: ' (',
  roleClose: ')',
};

export const PAGE_LABELS_ZH: PageLabels = {
  untitled: '无标题',
  by: '作者',
  section: '栏目',
  dateline: '电头',
  planned: '计划发布',
  tags: '标签',
  source: '来源',
  publisher: '责任编辑',
  colon: '：',
  listSeparator: '、',
  roleOpen: '（',
  roleClose: '）',
};

/** Chinese labels for zh, zh-CN, zh-Hant...; English otherwise. */
export function pageLabelsFor(language: string): PageLabels {
  return /^zh(?:-|$)/i.test(language) ? PAGE_LABELS_ZH : PAGE_LABELS_EN;
}
