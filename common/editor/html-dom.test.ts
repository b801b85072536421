// Runs in: vitest (node, no DOM). The parsed tree ProseMirror's DOMParser reads: the HTML standard's
// parse (entities decoded), bounded in depth, opaque elements empty, simple tag selectors only.
import { describe, expect, it } from 'vitest';
import { DomElement, DomText, MAX_DOM_DEPTH, parseHtmlDom } from './html-dom';

describe('html-dom', () => {
  it('parses as a browser does: entities decoded, implied closes, attributes lower-cased', () => {
    const root = parseHtmlDom('<P CLASS="a b" Data-X="1">Q&AMP;A &rarr; it&#146;s<p>next');
    expect(root.childNodes.map((n) => n.nodeName)).toEqual(['P', 'P']);
    const first = root.firstChild as DomElement;
    expect(first.textContent).toBe('Q&A → it’s');
    expect(first.getAttribute('data-x')).toBe('1');
    expect(first.matches('p.a')).toBe(true);
    expect(first.matches('p[data-x="1"]')).toBe(true);
    expect(first.matches('p[data-x="2"], li')).toBe(false);
    expect(first.matches('div > p')).toBe(false); // not a simple selector: matches nothing
  });

  it('keeps scripts, styles and embedded documents empty, and drops markup deeper than the bound', () => {
    const root = parseHtmlDom('<p>a<script>alert(1)</script><iframe srcdoc="x">y</iframe>b</p>');
    expect(root.textContent).toBe('ab');
    const deep = parseHtmlDom(`${'<div>'.repeat(MAX_DOM_DEPTH + 50)}bottom${'</div>'.repeat(MAX_DOM_DEPTH + 50)}<p>after</p>`);
    expect(deep.textContent).toBe('after');
  });

  it('keeps sibling links right when a child moves (ProseMirror moves a list nested in a list into the item before)', () => {
    const root = parseHtmlDom('<ul><li>one</li><ul><li>inner</li></ul><li>two</li></ul>');
    const list = root.firstChild as DomElement;
    const [one, nested, two] = list.childNodes as DomElement[];
    one?.appendChild(nested as DomElement);
    expect(list.childNodes).toEqual([one, two]);
    expect(one?.nextSibling).toBe(two);
    expect(two?.previousSibling).toBe(one);
    expect(nested?.parentNode).toBe(one);
    expect(nested?.previousSibling).toBeInstanceOf(DomText);
    expect(one?.querySelector('li')?.textContent).toBe('inner');
  });
});
