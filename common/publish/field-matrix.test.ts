// Runs in: vitest (node). The field matrix is complete, consistent with the checklist, and the
// README's section is its rendering (regenerate it with `npm run field-matrix`).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeArticle } from '../../tests/fixtures/sample-article';
import { checklistMessagesZhCn } from './checklist-messages';
import { FIELD_MATRIX, MATRIX_COLUMNS, MATRIX_FIELDS, README_BEGIN, README_END, renderFieldMatrix } from './field-matrix';
import { NOT_CARRIED_KEYS, publishChecklist } from './publish-checklist';
import type { PublishOptions } from './publish-job';
import type { TargetConfig } from './publish-target-config';

describe('the field matrix', () => {
  it('the README section is the rendering of the table', () => {
    const readme = readFileSync(join(__dirname, '../../README.md'), 'utf8');
    const start = readme.indexOf(README_BEGIN);
    const end = readme.indexOf(README_END);
    expect(start, 'the README has the field-matrix section').toBeGreaterThan(-1);
    expect(readme.slice(start + README_BEGIN.length, end).trim()).toBe(renderFieldMatrix().trim());
  });

  it('every field not carried somewhere has a warning in both languages', () => {
    for (const column of MATRIX_COLUMNS) {
      for (const field of MATRIX_FIELDS) {
        if (FIELD_MATRIX[column][field] !== null) continue;
        const key = NOT_CARRIED_KEYS[field];
        expect(key, `${column} loses ${field}: the checklist needs a warning for it`).toBeDefined();
        if (key) expect(checklistMessagesZhCn[key]).toMatch(/此网站不会/);
      }
    }
  });

  it('warns of the source and the editor where the target’s template switches their line off, in the user’s words', () => {
    const opts: PublishOptions = { status: 'published', scheduledAt: null, overriddenWarnings: [] };
    const story = makeArticle({ meta: { source: '成都日报', publisher: '王敏', language: 'zh-CN' } });
    const ghost = { kind: 'ghost', id: 'ghost-site', name: 'Ghost', siteUrl: 'https://ghost.example.com' } as const;
    const ids = (target: TargetConfig) => publishChecklist(story, target, opts, new Date()).map((i) => i.id);
    // With the default templates both lines are shown: nothing to warn of.
    expect(ids(ghost)).not.toContain('not-carried:source');
    expect(ids(ghost)).not.toContain('not-carried:publisher');
    // A Chinese story on a target whose Chinese source line is switched off; the English one does not matter.
    const noSource = { ...ghost, attributionLines: { zh: { source: '' }, en: { editor: '' } } };
    expect(ids(noSource)).toContain('not-carried:source');
    expect(ids(noSource)).not.toContain('not-carried:publisher');
    const item = publishChecklist(story, noSource, opts, new Date()).find((i) => i.id === 'not-carried:source');
    expect(item?.level).toBe('warning');
    expect(item && checklistMessagesZhCn[item.message.key]).toBe('此网站不会显示稿源。');
    expect(item?.defaultText).toBe('This site will not show the source.');
    const wordpress: TargetConfig = { kind: 'wordpress', id: 'wp-site', name: 'WP', siteUrl: 'https://wp.example.com', username: 'ed', defaultCategory: '', attributionLines: { zh: { editor: '  ' } } };
    expect(ids(wordpress)).toContain('not-carried:publisher');
    // A story without a source needs no warning, whatever the template.
    expect(publishChecklist(makeArticle({ meta: { language: 'zh-CN' } }), noSource, opts, new Date()).map((i) => i.id)).not.toContain('not-carried:source');
  });
});
