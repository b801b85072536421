// Runs in: vitest (node). Walks the field matrix (common/publish/field-matrix.ts) against the
// webhook and folder ninjs, the folder page, the HTML and Markdown exports and Ghost's body and
// feature image (the real Ghost in tests/integration/ghost-field-matrix.test.ts), with a Chinese story that has every field set: each carried cell is found in that
// output, and each field not carried is absent and warned about by the pre-publish checklist. A
// field that is neither carried nor warned about fails. WordPress is walked against a real site in
// tests/integration/wordpress-field-matrix.test.ts.
import { describe, expect, it } from 'vitest';
import { FIELD_MATRIX, MATRIX_FIELDS, columnsOfTarget, type MatrixColumn } from '../../../common/publish/field-matrix';
import { publishChecklist } from '../../../common/publish/publish-checklist';
import type { TargetConfig } from '../../../common/publish/publish-target-config';
import { articleToHtmlPage } from '../../../common/serialize/article-to-html-page';
import { articleToMarkdown } from '../../../common/serialize/article-to-markdown';
import { articleToNinjs } from '../../../common/serialize/article-to-ninjs';
import { matrixArticle, matrixProbes } from '../../../tests/fixtures/matrix-article';
import { exportFolderName } from '../export/export-folder-name';
import { folderBaseName } from './folder/folder-target';
import { ghostFeatureImage, ghostPostHtml } from './ghost/ghost-post-html';

const LEAD = `${'1'.repeat(64)}.jpg`;
const OTHER = `${'2'.repeat(64)}.png`;
const article = matrixArticle(LEAD, OTHER);
const probes = matrixProbes(LEAD, OTHER);
const mediaSrc = (id: string): string => `images/${id}`;

const ninjs = JSON.stringify(
  articleToNinjs(article, {
    uri: `urn:dateline:article:${article.id}`,
    versionCreated: '2026-12-06T08:00:00+08:00',
    media: [LEAD, OTHER].map((mediaId) => ({ mediaId, href: `https://cdn.example.com/${mediaId}`, mimeType: 'image/jpeg', width: 1200, height: 800 })),
  }),
);
const page = articleToHtmlPage(article, { mediaSrc });
const ghostMedia = new Map([LEAD, OTHER].map((id) => [id, { remoteId: id, url: `https://ghost.example.com/content/images/${id}` }]));

/** What each column's target or export produces, as text to search. The folder names its page by the slug. */
const outputs: Partial<Record<MatrixColumn, string>> = {
  webhook: ninjs,
  'folder-ninjs': ninjs,
  'folder-page': `${folderBaseName(article)}/index.html\n${page}`,
  'html-export': `${exportFolderName(article)}.html\n${page}`,
  'markdown-export': articleToMarkdown(article, { mediaSrc }),
  // The post's HTML and the feature image; title, excerpt, tags and slug are the Ghost target's own fields.
  ghost: `${ghostPostHtml(article, ghostMedia, undefined)}\n${JSON.stringify(ghostFeatureImage(article, ghostMedia))}`,
};
const GHOST_OWN_FIELDS = new Set(['headline', 'summary', 'section', 'tags', 'slug']);

const targets: Record<'ghost' | 'webhook' | 'folder', TargetConfig> = {
  ghost: { kind: 'ghost', id: 'ghost-site', name: 'Ghost', siteUrl: 'https://ghost.example.com' },
  webhook: { kind: 'webhook', id: 'hook', name: 'Hook', url: 'https://hook.example.com/in', mediaMode: 'inline', mediaBaseUrl: '', timeoutMs: 30_000 },
  folder: { kind: 'folder', id: 'folder', name: 'Folder', path: '' },
};
const kindOf = (column: MatrixColumn): keyof typeof targets | null =>
  (Object.keys(targets) as (keyof typeof targets)[]).find((kind) => columnsOfTarget(kind).includes(column)) ?? null;

describe('the field matrix, walked against the targets and exports', () => {
  for (const [column, output] of Object.entries(outputs) as [MatrixColumn, string][]) {
    it(`${column}: every carried field is there, every other one is absent and warned about`, () => {
      const kind = kindOf(column);
      const warned = kind ? publishChecklist(article, targets[kind], { status: 'published', scheduledAt: null, overriddenWarnings: [] }, new Date()).map((i) => i.id) : [];
      for (const field of MATRIX_FIELDS) {
        const cell = FIELD_MATRIX[column][field];
        if (cell === null) {
          // An export has no checklist: it must carry everything.
          expect(kind, `${column} loses ${field} and has no checklist to say so`).not.toBeNull();
          expect(warned, `${column} loses ${field} without a warning`).toContain(`not-carried:${field}`);
          for (const probe of probes[field]) expect(output, `${column} was said not to carry ${field}`).not.toContain(probe);
        } else if (!(column === 'ghost' && GHOST_OWN_FIELDS.has(field))) {
          for (const probe of probes[field]) expect(output, `${column} should carry ${field} (${cell.carried})`).toContain(probe);
          expect(warned).not.toContain(`not-carried:${field}`);
        }
      }
    });
  }
});

describe('the article’s language, outside the matrix', () => {
  it('is carried where the format has a place for it', () => {
    expect(ninjs).toContain('"language":"zh-CN"');
    expect(page).toContain('<html lang="zh-CN">');
    expect(outputs['markdown-export']).toContain('language: "zh-CN"');
  });
});
