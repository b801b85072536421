// Runs in: vitest (node). Every payload of a 6,613-line XSS corpus, put into every field an
// article exports, comes out of the HTML page as inert text and out of Markdown as escaped text.
// The corpus runs in shards of a few hundred payloads, one test each, far from any timeout.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import type { Article } from '../article';
import { figure, link, makeArticle, paragraph, PHOTO_A, text } from '../../tests/fixtures/sample-article';
import { corpusShards } from '../../tests/support/corpus-shards';
import { articleToHtmlPage } from './article-to-html-page';
import { articleToMarkdown } from './article-to-markdown';
import { creditLine } from './credit-line';

const PAYLOADS = readFileSync(fileURLToPath(new URL('../../tests/fixtures/xss/payloads.txt', import.meta.url)), 'utf8')
  .split('\n')
  .filter((line) => line.length > 0);

const MEDIA_SRC = `images/${PHOTO_A}`;
const mediaSrc = () => MEDIA_SRC;

const ALLOWED_ELEMENTS = new Set(
  'html head body meta title style article header footer div p h1 h2 h3 span time figure img figcaption a strong em u s ul ol li dl dt dd br hr blockquote'.split(' '),
);
const ALLOWED_ATTRIBUTES = new Set('lang charset http-equiv content name class href rel src alt datetime aria-label start'.split(' '));
const FORBIDDEN = 'script, iframe, frame, frameset, object, embed, applet, svg, math, base, form, link, template, meta[http-equiv="refresh" i]';

function articleWith(payload: string): Article {
  return makeArticle({
    headline: payload,
    subheadline: payload,
    summary: payload,
    meta: {
      section: payload,
      tags: [payload],
      bylines: [{ name: payload, role: payload }],
      source: payload,
      publisher: payload,
      dateline: payload,
      slug: payload,
      language: payload,
      editorsNote: payload,
    },
    body: {
      type: 'doc',
      content: [
        figure(PHOTO_A, { alt: payload, credit: payload, caption: payload, lead: true }),
        paragraph(text(payload), text('linked', link(payload)), text(payload, 'bold', link(`https://example.com/?q=${payload}`))),
        { type: 'heading', attrs: { level: payload }, content: [text(payload, { type: payload, attrs: { href: payload } })] },
        { type: payload, attrs: { src: payload, onload: payload }, content: [text(payload)] },
      ],
    },
  });
}

/** One fresh window per shard also keeps the parsed documents from piling up in memory. */
const SHARDS = corpusShards(PAYLOADS, 300);
const MAX_REPORTED = 10;

/** A window that loads and runs nothing: a broken exporter must fail the test, not run or fetch the payload. */
function inertWindow(): Window {
  return new Window({
    settings: {
      disableJavaScriptFileLoading: true,
      disableCSSFileLoading: true,
      disableIframePageLoading: true,
      disableComputedStyleRendering: true,
      navigation: { disableMainFrameNavigation: true, disableChildFrameNavigation: true, disableChildPageNavigation: true },
    },
  });
}

function isAllowedUrl(value: string): boolean {
  return value === MEDIA_SRC || /^(https?:|mailto:|data:image\/)/i.test(value);
}

describe('XSS corpus through the exporters', () => {
  it(`has the whole corpus to test against, every payload in one shard`, () => {
    expect(PAYLOADS.length).toBeGreaterThan(6000);
    expect(SHARDS.flatMap((shard) => shard.items)).toEqual(PAYLOADS);
  });

  it.each(SHARDS)('renders payloads $first-$last in every field of the HTML page as text, with nothing executable', async ({ items }) => {
    const failures: string[] = [];
    const window = inertWindow();
    const parser = new window.DOMParser();
    for (const payload of items) {
      if (failures.length >= MAX_REPORTED) break;
      const page = parser.parseFromString(articleToHtmlPage(articleWith(payload), { mediaSrc }), 'text/html');
      const problems: string[] = [];
      const forbidden = page.querySelector(FORBIDDEN);
      if (forbidden) problems.push(`forbidden element <${forbidden.tagName.toLowerCase()}>`);
      const styles = page.querySelectorAll('style');
      if (styles.length !== 1 || styles[0]?.parentElement !== page.head) problems.push('a <style> besides the page style');
      for (const element of page.querySelectorAll('*')) {
        const tag = element.tagName.toLowerCase();
        if (!ALLOWED_ELEMENTS.has(tag)) problems.push(`element <${tag}>`);
        for (const attribute of element.attributes) {
          const name = attribute.name.toLowerCase();
          if (name.startsWith('on') || !ALLOWED_ATTRIBUTES.has(name)) problems.push(`attribute ${name} on <${tag}>`);
          if ((name === 'href' || name === 'src') && !isAllowedUrl(attribute.value ?? '')) problems.push(`${name}=${attribute.value}`);
        }
      }
      const expectText = (actual: string | null | undefined, expected: string, what: string) => {
        if (actual !== expected) problems.push(`${what} was ${JSON.stringify(actual)}`);
      };
      const shown = payload.trim().length > 0 ? payload : 'Untitled';
      expectText(page.querySelector('title')?.textContent, shown, 'title');
      expectText(page.querySelector('h1.dl-headline')?.textContent, shown, 'headline');
      expectText(page.querySelector('.dl-subheadline')?.textContent, payload, 'subheadline');
      expectText(page.querySelector('.dl-summary')?.textContent, payload, 'summary');
      expectText(page.querySelector('.dl-section')?.textContent, payload, 'section');
      expectText(page.querySelector('.dl-tags li')?.textContent, payload, 'tag');
      expectText(page.querySelector('.dl-byline-name')?.textContent, payload, 'byline');
      expectText(page.querySelector('.dl-dateline')?.textContent, payload, 'dateline');
      expectText(page.querySelector('.dl-credits dd')?.textContent, payload, 'source');
      // The credit is printed with its newsroom label (Photo: …), the payload itself as text.
      const credit = creditLine(payload, payload);
      expectText(page.querySelector('.dl-lead .dl-credit')?.textContent, credit, 'credit');
      expectText(page.querySelector('.dl-lead figcaption')?.textContent, credit.length > 0 ? `${payload} ${credit}` : payload, 'caption');
      expectText(page.querySelector('.dl-lead img')?.getAttribute('alt'), payload, 'alt');
      if (!page.querySelector('.dl-body p')?.textContent?.startsWith(`${payload}linked${payload}`)) problems.push('body text changed');
      if (page.documentElement.textContent?.includes('INTERNAL')) problems.push('internal note exported');
      if (problems.length > 0) failures.push(`${JSON.stringify(payload)}: ${problems.slice(0, 5).join('; ')}`);
    }
    await window.happyDOM.close();
    expect(failures).toEqual([]);
  });

  it.each(SHARDS)('escapes payloads $first-$last in the Markdown export so no raw HTML or unsafe link survives', ({ items }) => {
    const failures: string[] = [];
    const ownTags = /<\/?(?:strong|em|del|ins)>|<!-- -->/g;
    for (const payload of items) {
      const markdown = articleToMarkdown(articleWith(payload), { mediaSrc });
      const [, front = '', body = ''] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(markdown) ?? [];
      // Escaped characters are literal text; what is left is the markup the exporter wrote itself.
      const markup = body.replace(/\\[\s\S]/g, '').replace(ownTags, '');
      if (markup.includes('<')) failures.push(`${JSON.stringify(payload)}: raw HTML in ${JSON.stringify(markup.slice(0, 200))}`);
      for (const match of markup.matchAll(/\]\(([^)\s]*)/g)) {
        if (!isAllowedUrl(match[1] ?? '')) failures.push(`${JSON.stringify(payload)}: link to ${match[1]}`);
      }
      const titleLine = front.split('\n').find((line) => line.startsWith('title: '));
      if (titleLine === undefined || JSON.parse(titleLine.slice('title: '.length)) !== payload) failures.push(`${JSON.stringify(payload)}: title changed`);
      if (markdown.includes('INTERNAL')) failures.push('internal note exported');
    }
    expect(failures.slice(0, 10)).toEqual([]);
  });
});
