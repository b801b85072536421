// @vitest-environment happy-dom
// Runs in: tests (happy-dom). A reporter pastes from Word and Google Docs into a real TipTap editor:
// the paste goes through the cleaner, so lists, quotes, notes and safe links arrive as meant.
import { Editor } from '@tiptap/core';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createEditorExtensions } from '../../../common/editor/editor-extensions';
import { docOutline } from './doc-outline';
import { PasteCleanup } from './paste-cleanup';

const FIXTURES = join(import.meta.dirname, '..', '..', '..', 'tests', 'fixtures', 'paste');

let editor: Editor | null = null;
afterEach(() => {
  editor?.destroy();
  editor = null;
});

function make(): Editor {
  editor = new Editor({
    extensions: [...createEditorExtensions({ resolveMediaUrl: (id) => `/media/${id}` }), PasteCleanup.configure({ notesLabel: () => '注释' })],
    content: { type: 'doc', content: [{ type: 'paragraph' }] },
  });
  return editor;
}

describe('pasting into the editor', () => {
  it('turns a Word paste into lists, a quote and notes at the end', () => {
    const e = make();
    expect(e.view.pasteHTML(readFileSync(join(FIXTURES, 'word-windows.html'), 'utf8'))).toBe(true);
    const lines = docOutline(e.state.doc);
    expect(lines).toContain('- New walls along the river');
    expect(lines).toContain('  - Two kilometres in the old town');
    expect(lines).toContain('1. Work starts in the spring');
    expect(lines).toContain('> “We cannot wait for the next flood,” the mayor said.');
    expect(lines.slice(-3)).toEqual(['---', 'h3: 注释', '[1] Minutes of the council meeting, 24 November 2026.']);
    expect(lines.join('\n')).not.toContain('·');
    const json = JSON.stringify(e.getJSON());
    expect(json).not.toMatch(/o:p|mso-|_ftn/);
  });

  it('links a Google Docs paste to the real target', () => {
    const e = make();
    e.view.pasteHTML(readFileSync(join(FIXTURES, 'google-docs.html'), 'utf8'));
    const lines = docOutline(e.state.doc);
    expect(lines[0]).toBe('h2: Rail fares to rise in March');
    expect(lines[1]).toContain('[statement](https://www.gov.example/news/rail-fares-2027)');
    expect(lines[1]).toContain(' A second link went nowhere safe.');
    expect(JSON.stringify(e.getJSON())).not.toMatch(/google\.com|javascript:/);
  });

  it('a web page paste keeps the spaces between links, a table row per line with its cells apart, and its headings', () => {
    const e = make();
    e.view.pasteHTML(
      '<p>Intro.</p><a href="javascript:alert(1)">js link</a> <a href="https://ok.example/">ok link</a> <b>bold</b> end' +
        '<table><caption>Turnout</caption><tr><th>District</th><th>Votes</th></tr><tr><td>North</td><td><p>1,204</p><p>(final)</p></td></tr></table>' +
        '<h1>Big heading</h1><h4>Small heading</h4>',
    );
    const lines = docOutline(e.state.doc).filter((line) => line !== '');
    expect(lines).toEqual(['Intro.', 'js link [ok link](https://ok.example/) **bold** end', 'Turnout', 'District Votes', 'North 1,204 (final)', 'h2: Big heading', 'h3: Small heading']);
  });

  it('a Chinese web page paste keeps its table cells apart too', () => {
    const e = make();
    e.view.pasteHTML('<table><tr><td>北京</td><td>晴</td></tr><tr><td>上海</td><td>小雨</td></tr></table>');
    expect(docOutline(e.state.doc).filter((line) => line !== '')).toEqual(['北京 晴', '上海 小雨']);
  });

  it('a comment between words does not split a line, and a link around a block does not add empty lines', () => {
    const e = make();
    e.view.pasteHTML('<p>Intro.</p>Polls close <!-- --> at <b>8 pm</b> tonight<a href="https://news.example/"><div>Card title</div></a><p>End.</p>');
    expect(docOutline(e.state.doc).filter((line) => line !== '')).toEqual(['Intro.', 'Polls close at **8 pm** tonight', '[Card title](https://news.example/)', 'End.']);
  });
});

