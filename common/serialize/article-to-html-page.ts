// Runs in: services and renderer. An article as one standalone, readable HTML5 page: strict CSP,
// inline CSS, every value escaped. The editor's note is internal and never exported.
import { articleLanguageSchema, type Article } from '../article';
import { bodyToHtml } from './body-to-html';
import { escapeAttr, escapeHtml } from './escape-html';
import { pageLabelsFor, type PageLabels } from './page-labels';

export interface HtmlPageOptions {
  mediaSrc: (mediaId: string) => string;
  /** Defaults to labels in the article's language. */
  labels?: PageLabels;
}

/** No scripts, frames, fonts or network: only inline styles and data:/same-folder images. */
export const EXPORT_PAGE_CSP = "default-src 'none'; img-src data: 'self'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'";

const PAGE_CSS = `
:root { color-scheme: light; --ink: #1b1b1b; --muted: #5b5b5b; --rule: #d9d9d9; }
* { box-sizing: border-box; }
body { margin: 0; background: #fff; color: var(--ink);
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans",
    "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC", sans-serif;
  font-size: 1.125rem; line-height: 1.75; }
.dl-article { max-width: 42rem; margin: 0 auto; padding: 2.5rem 1.25rem 4rem; }
.dl-section { margin: 0 0 .5rem; color: var(--muted); font-size: .85rem; font-weight: 600; letter-spacing: .04em; text-transform: uppercase; }
.dl-headline { margin: 0 0 .75rem; font-size: 2.1rem; line-height: 1.25; }
.dl-subheadline { margin: 0 0 1rem; color: var(--muted); font-size: 1.3rem; line-height: 1.45; }
.dl-meta { margin: 0 0 1.25rem; color: var(--muted); font-size: .95rem; }
.dl-meta > span + span::before, .dl-meta > span + time::before { content: " · "; }
.dl-summary { margin: 0 0 1.75rem; padding-bottom: 1.25rem; border-bottom: 1px solid var(--rule); font-size: 1.2rem; font-weight: 500; white-space: pre-line; }
.dl-body h2 { font-size: 1.45rem; line-height: 1.35; margin: 2rem 0 .75rem; }
.dl-body h3 { font-size: 1.2rem; line-height: 1.4; margin: 1.5rem 0 .5rem; }
.dl-body p { margin: 0 0 1.1rem; }
.dl-body li > p { margin: 0 0 .35rem; }
.dl-body ul, .dl-body ol { margin: 0 0 1.1rem; padding-left: 1.6rem; }
.dl-body blockquote { margin: 1.5rem 0; padding: 0 0 0 1rem; border-left: 3px solid var(--rule); color: #333; }
.dl-body hr { border: 0; border-top: 1px solid var(--rule); margin: 2rem 0; }
.dl-body a { color: #0b57d0; }
.dl-figure { margin: 1.75rem 0; }
.dl-figure img { display: block; max-width: 100%; height: auto; }
.dl-figure figcaption { margin-top: .5rem; color: var(--muted); font-size: .9rem; line-height: 1.5; }
.dl-credit { font-size: .8rem; text-transform: uppercase; letter-spacing: .03em; }
.dl-lead { margin-top: 0; }
.dl-footer { margin-top: 2.5rem; padding-top: 1rem; border-top: 1px solid var(--rule); color: var(--muted); font-size: .9rem; }
.dl-tags { list-style: none; margin: 0 0 1rem; padding: 0; display: flex; flex-wrap: wrap; gap: .4rem; }
.dl-tags li { padding: .1rem .6rem; border: 1px solid var(--rule); border-radius: 999px; }
.dl-credits { display: grid; grid-template-columns: max-content 1fr; gap: .25rem 1rem; margin: 0; }
.dl-credits dt { font-weight: 600; }
.dl-credits dd { margin: 0; }
:lang(zh) .dl-section, :lang(ja) .dl-section { text-transform: none; letter-spacing: 0; }
@media print { .dl-article { max-width: none; padding: 0; } .dl-body a { color: inherit; } }
`;

export function articleToHtmlPage(article: Article, opts: HtmlPageOptions): string {
  const meta = article.meta;
  const language = articleLanguageSchema.safeParse(meta.language).success ? meta.language : 'und';
  const labels = opts.labels ?? pageLabelsFor(language);
  const headline = article.headline.trim().length > 0 ? article.headline : labels.untitled;
  const summary = article.summary.trim();

  const header = [
    meta.section.trim() ? `<p class="dl-section">${escapeHtml(meta.section)}</p>` : '',
    `<h1 class="dl-headline">${escapeHtml(headline)}</h1>`,
    article.subheadline.trim() ? `<p class="dl-subheadline">${escapeHtml(article.subheadline)}</p>` : '',
    metaLine(article, labels),
    summary ? `<p class="dl-summary">${escapeHtml(article.summary)}</p>` : '',
  ].filter((part) => part.length > 0);

  const body = bodyToHtml(article.body, { mediaSrc: opts.mediaSrc, language: article.meta.language });
  const footer = footerHtml(article, labels);

  return [
    '<!doctype html>',
    `<html lang="${escapeAttr(language)}">`,
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${escapeAttr(EXPORT_PAGE_CSP)}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="referrer" content="no-referrer">',
    summary ? `<meta name="description" content="${escapeAttr(summary)}">` : '',
    `<title>${escapeHtml(headline)}</title>`,
    `<style>${PAGE_CSS}</style>`,
    '</head>',
    '<body>',
    '<article class="dl-article">',
    `<header>\n${header.join('\n')}\n</header>`,
    `<div class="dl-body">\n${body}\n</div>`,
    footer,
    '</article>',
    '</body>',
    '</html>',
    '',
  ]
    .filter((line, index, all) => line.length > 0 || index === all.length - 1)
    .join('\n');
}

function metaLine(article: Article, labels: PageLabels): string {
  const parts: string[] = [];
  const bylines = article.meta.bylines.filter((b) => b.name.trim().length > 0);
  if (bylines.length > 0) {
    const names = bylines.map((b) => {
      const role = b.role.trim() ? `<span class="dl-byline-role">${escapeHtml(labels.roleOpen + b.role + labels.roleClose)}</span>` : '';
      return `<span class="dl-byline"><span class="dl-byline-name">${escapeHtml(b.name)}</span>${role}</span>`;
    });
    parts.push(`<span class="dl-bylines">${escapeHtml(labels.by)} ${names.join(escapeHtml(labels.listSeparator))}</span>`);
  }
  if (article.meta.dateline.trim()) parts.push(`<span class="dl-dateline">${escapeHtml(article.meta.dateline)}</span>`);
  if (article.meta.plannedAt) {
    parts.push(
      `<time class="dl-planned" datetime="${escapeAttr(article.meta.plannedAt)}">${escapeHtml(labels.planned + labels.colon + readableTime(article.meta.plannedAt))}</time>`,
    );
  }
  return parts.length > 0 ? `<p class="dl-meta">${parts.join('')}</p>` : '';
}

function footerHtml(article: Article, labels: PageLabels): string {
  const parts: string[] = [];
  const tags = article.meta.tags.filter((t) => t.trim().length > 0);
  if (tags.length > 0) {
    parts.push(`<ul class="dl-tags" aria-label="${escapeAttr(labels.tags)}">${tags.map((t) => `<li>${escapeHtml(t)}</li>`).join('')}</ul>`);
  }
  const credits: [string, string][] = [
    [labels.source, article.meta.source],
    [labels.publisher, article.meta.publisher],
  ];
  const filled = credits.filter(([, value]) => value.trim().length > 0);
  if (filled.length > 0) {
    parts.push(`<dl class="dl-credits">${filled.map(([label, value]) => `<dt>${escapeHtml(label)}</dt><dd>${escapeHtml(value)}</dd>`).join('')}</dl>`);
  }
  return parts.length > 0 ? `<footer class="dl-footer">\n${parts.join('\n')}\n</footer>` : '';
}

/** "2026-11-25T09:30:00+08:00" -> "2026-11-25 09:30 UTC+08:00": the wall time the desk planned, with its offset. */
function readableTime(iso: string): string {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}(?::?\d{2})?)$/.exec(iso);
  if (!match) return iso;
  const offset = match[3] === 'Z' ? '' : match[3];
  return `${match[1]} ${match[2]} UTC${offset ?? ''}`;
}
