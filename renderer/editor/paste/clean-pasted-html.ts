// Runs in: renderer. Turns what Word (Windows, macOS), WPS Office, Google Docs and LibreOffice put
// on the clipboard into HTML the editor schema reads as the writer meant it: Word's list paragraphs
// (mso-list) become real nested lists, MsoQuote a quote, footnotes numbered notes at the end,
// Google's link redirects their targets; Office's <o:p>, conditional comments and wrappers go.
import { unwrapGoogleRedirect } from '../../../common/paste/unwrap-google-redirect';
import { fitPastedStructure } from './fit-pasted-structure';

/** Clipboard HTML past this size is handed on untouched (the schema still filters it). */
export const MAX_CLEANED_HTML = 4 * 1024 * 1024;

export interface CleanPasteOptions {
  /** The heading over the footnotes moved to the end ("Notes"). */
  notesLabel: string;
}

const MARKER_ATTR = 'data-dl-list-marker';
/** Office's conditional comments, both forms: <![if …]> … <![endif]> and <!--[if …]--> … <!--[endif]-->. */
const CONDITIONAL = /<!(?:--)?\[(if [^\]<>]{0,100}|endif)\](?:--)?>/gi;
const MSO_LIST = /mso-list:\s*(l\d+)\s+level(\d+)/i;
const ORDERED_MARKER = /^[(（]?(?:\d+|[０-９]+|[a-zA-Z]|[ivxlcdmIVXLCDM]+|[一二三四五六七八九十百]+)[.．、)）]/;
const FOOTNOTE_REF = /^#(?:_ftn\d+|_edn\d+|sdfootnote\d+sym|sdendnote\d+sym|ftnt\d+)$/i;
const FOOTNOTE_BACK = /^#(?:_ftnref\d+|_ednref\d+|sdfootnote\d+anc|sdendnote\d+anc|ftnt_ref\d+)$/i;

/**
 * Word's list marker (the "·" or "1." it draws) sits in <![if !supportLists]> … <![endif]>: it
 * becomes a marked span the list rebuild reads and removes. Every other conditional marker goes.
 * One linear pass: an opener without its endif costs nothing extra.
 */
function markListMarkers(html: string): string {
  let inMarker = false;
  return html.replace(CONDITIONAL, (_all, what: string) => {
    if (what.toLowerCase() === 'endif') {
      if (!inMarker) return '';
      inMarker = false;
      return '</span>';
    }
    if (inMarker || what.replace(/\s+/g, ' ').toLowerCase() !== 'if !supportlists') return '';
    inMarker = true;
    return `<span ${MARKER_ATTR}="">`;
  });
}

/** True when the HTML came from an app whose clipboard needs cleaning. */
function needsCleaning(html: string): boolean {
  return /urn:schemas-microsoft-com|mso-|class="?Mso|docs-internal-guid|google\.com\/url|LibreOffice|WPS|_ftn|sdfootnote|ftnt/i.test(html);
}

function isListParagraph(el: Element): { level: number } | null {
  if (el.tagName !== 'P' && !/^H\d$/.test(el.tagName)) return null;
  const match = MSO_LIST.exec(el.getAttribute('style') ?? '');
  if (!match || /mso-list:\s*ignore/i.test(el.getAttribute('style') ?? '')) return null;
  return { level: Math.min(9, Math.max(1, Number(match[2]))) };
}

function markerText(el: Element): string {
  const marker = el.querySelector(`[${MARKER_ATTR}]`);
  const text = (marker?.textContent ?? '').replace(/[\s\u00a0]+/g, '');
  marker?.remove();
  for (const ignored of Array.from(el.querySelectorAll('[style*="mso-list"]'))) {
    if (/mso-list:\s*ignore/i.test(ignored.getAttribute('style') ?? '')) ignored.remove();
  }
  return text;
}

/** Consecutive Word list paragraphs become nested <ul>/<ol> with one <li> each. */
function rebuildWordLists(doc: Document, root: Element): void {
  const blocks = Array.from(root.children);
  let i = 0;
  while (i < blocks.length) {
    const first = blocks[i];
    if (!first || !isListParagraph(first)) {
      // Lists inside containers (a WPS or Word <div>) are rebuilt where they stand.
      if (first && (first.tagName === 'DIV' || first.tagName === 'BLOCKQUOTE')) rebuildWordLists(doc, first);
      i += 1;
      continue;
    }
    const run: Element[] = [];
    while (i < blocks.length) {
      const el = blocks[i];
      if (!el || !isListParagraph(el)) break;
      run.push(el);
      i += 1;
    }
    const stack: { level: number; list: Element }[] = [];
    let top: Element | null = null;
    for (const el of run) {
      const level = isListParagraph(el)?.level ?? 1;
      const ordered = ORDERED_MARKER.test(markerText(el));
      const tag = ordered ? 'OL' : 'UL';
      while (stack.length > 0 && (stack[stack.length - 1]?.level ?? 0) > level) stack.pop();
      let current = stack[stack.length - 1];
      if (current && current.level === level && current.list.tagName !== tag) {
        stack.pop();
        current = stack[stack.length - 1];
      }
      if (!current || current.level < level) {
        const list = doc.createElement(tag);
        const parentItem = current?.list.lastElementChild;
        if (parentItem) parentItem.appendChild(list);
        else if (top === null) el.before(list);
        else top.after(list);
        if (!parentItem) top = list;
        stack.push({ level, list });
        current = { level, list };
      }
      const item = doc.createElement('li');
      const paragraph = doc.createElement('p');
      while (el.firstChild) paragraph.appendChild(el.firstChild);
      item.appendChild(paragraph);
      current.list.appendChild(item);
      el.remove();
    }
  }
}

function unwrap(el: Element): void {
  el.replaceWith(...Array.from(el.childNodes));
}

/** Word's and WPS's quote styles become a quote; neighbours join one quote. */
function rebuildQuotes(doc: Document, root: Element): void {
  for (const p of Array.from(root.querySelectorAll('p'))) {
    if (!/\bMso(?:Intense)?Quote\b/.test(p.getAttribute('class') ?? '') || p.closest('blockquote')) continue;
    const previous = p.previousElementSibling;
    if (previous?.tagName === 'BLOCKQUOTE' && previous.hasAttribute('data-dl-quote')) {
      previous.appendChild(p);
      continue;
    }
    const quote = doc.createElement('blockquote');
    quote.setAttribute('data-dl-quote', '');
    p.before(quote);
    quote.appendChild(p);
  }
}

/** Footnote references become their number as text; the notes move under a heading at the end. */
function moveFootnotes(doc: Document, root: Element, options: CleanPasteOptions): void {
  const notes: Element[] = [];
  const containers = Array.from(root.querySelectorAll('div[style*="mso-element:footnote"], div[style*="mso-element:endnote"], div[id^="sdfootnote"], div[id^="sdendnote"]'));
  for (const container of containers) {
    if (/footnote-list|endnote-list/.test(container.getAttribute('style') ?? '')) continue;
    for (const p of Array.from(container.querySelectorAll('p'))) notes.push(p);
    container.remove();
  }
  for (const list of Array.from(root.querySelectorAll('div[style*="footnote-list"], div[style*="endnote-list"]'))) list.remove();
  // Google Docs: the notes are paragraphs after an <hr> whose first link points back to the reference.
  for (const back of Array.from(root.querySelectorAll('a[href^="#ftnt_ref"]'))) {
    const p = back.closest('p, div');
    if (p && p !== root && !notes.includes(p)) {
      notes.push(p);
      p.remove();
    }
  }
  for (const a of Array.from(root.querySelectorAll('a[href^="#"]'))) {
    const href = a.getAttribute('href') ?? '';
    if (FOOTNOTE_REF.test(href)) a.replaceWith(doc.createTextNode(bracketed(a.textContent ?? '')));
  }
  if (notes.length === 0) return;
  const heading = doc.createElement('h3');
  heading.textContent = options.notesLabel;
  root.appendChild(doc.createElement('hr'));
  root.appendChild(heading);
  for (const note of notes) {
    for (const a of Array.from(note.querySelectorAll('a[href^="#"]'))) {
      if (FOOTNOTE_BACK.test(a.getAttribute('href') ?? '')) a.replaceWith(doc.createTextNode(`${bracketed(a.textContent ?? '')} `));
    }
    const p = doc.createElement('p');
    while (note.firstChild) p.appendChild(note.firstChild);
    p.normalize();
    root.appendChild(p);
  }
}

function bracketed(text: string): string {
  const trimmed = text.replace(/[\s\u00a0]+/g, '');
  return /^\[.*\]$/.test(trimmed) ? trimmed : `[${trimmed}]`;
}

function cleanLinks(root: Element): void {
  for (const a of Array.from(root.querySelectorAll('a[href]'))) {
    const unwrapped = unwrapGoogleRedirect(a.getAttribute('href') ?? '');
    if (unwrapped === null) unwrap(a);
    else a.setAttribute('href', unwrapped);
  }
  // Word's bookmarks (<a name=_Toc…>) carry no link.
  for (const a of Array.from(root.querySelectorAll('a:not([href])'))) unwrap(a);
}

function removeOfficeNoise(root: Element): void {
  for (const el of Array.from(root.getElementsByTagName('*'))) {
    const tag = el.tagName.toLowerCase();
    // <o:p>&nbsp;</o:p> holds an empty paragraph open in Word; <w:…>, <v:…> are Office markup.
    if (tag.includes(':')) {
      if (tag === 'o:p' && (el.textContent ?? '').replace(/[\s\u00a0]/g, '') !== '') unwrap(el);
      else el.remove();
    }
  }
  // Google Docs wraps the whole fragment in <b style="font-weight:normal" id="docs-internal-guid-…">.
  for (const b of Array.from(root.querySelectorAll('b[id^="docs-internal-guid"]'))) unwrap(b);
  // A <br> between blocks (Google Docs' spacer, Chrome's interchange newline) is no line of text.
  for (const br of Array.from(root.querySelectorAll('br'))) {
    if (br.parentElement === root || br.classList.contains('Apple-interchange-newline')) br.remove();
  }
  for (const el of Array.from(root.querySelectorAll('style, meta, link, title, xml, script'))) el.remove();
  // Paragraphs left with nothing but spaces (Word's spacers) go.
  for (const p of Array.from(root.querySelectorAll('p'))) {
    if ((p.textContent ?? '').replace(/[\s\u00a0]/g, '') === '' && !p.querySelector('img, br')) p.remove();
  }
}

/**
 * The cleaned body HTML of `html`, or `html` itself when it is too large. Office's clipboard gets the
 * Office cleaning; every paste gets its structure fitted to the body (fit-pasted-structure.ts).
 * Parsed in an inert document: nothing in it loads or runs.
 */
export function cleanPastedHtml(html: string, options: CleanPasteOptions): string {
  if (html.length > MAX_CLEANED_HTML) return html;
  const office = needsCleaning(html);
  const doc = new DOMParser().parseFromString(office ? markListMarkers(html) : html, 'text/html');
  const root = doc.body;
  if (office) {
    removeOfficeNoise(root);
    moveFootnotes(doc, root, options);
    rebuildWordLists(doc, root);
    rebuildQuotes(doc, root);
    cleanLinks(root);
    for (const q of Array.from(root.querySelectorAll('[data-dl-quote]'))) q.removeAttribute('data-dl-quote');
  }
  fitPastedStructure(doc, root);
  return root.innerHTML;
}
