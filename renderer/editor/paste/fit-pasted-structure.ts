// Runs in: renderer. What any pasted HTML (a web page, a press release, a spreadsheet, not only
// Office) needs before the body's schema reads it, or words run together and structure is lost:
// - text and inline elements between blocks go in a paragraph of their own (the schema's parser
//   drops the spaces between inline elements that stand outside any paragraph: "a link b" read as
//   "a linkb");
// - a table's rows become paragraphs, their cells apart by a space (the body has no tables; cells
//   ran together as "cell Acell B");
// - headings the body cannot hold (h1, h4–h6) become the nearest it can, not plain paragraphs.

/** Elements that sit inside a line of text; anything else starts a block. */
const INLINE = new Set([
  'A', 'ABBR', 'B', 'BDI', 'BDO', 'BIG', 'BR', 'CITE', 'CODE', 'DATA', 'DEL', 'DFN', 'EM', 'FONT', 'I', 'INS', 'KBD', 'MARK', 'Q',
  'RUBY', 'RT', 'RP', 'S', 'SAMP', 'SMALL', 'SPAN', 'STRIKE', 'STRONG', 'SUB', 'SUP', 'TIME', 'TT', 'U', 'VAR', 'WBR',
]);

export function fitPastedStructure(doc: Document, root: Element): void {
  flattenTables(doc, root);
  fitHeadings(doc, root);
  wrapLooseInline(doc, root);
}

/** Blocks an inline element may wrap on a web page (a link around a card): then it is no part of a line. */
const BLOCKS_INSIDE = 'address, article, aside, blockquote, div, dl, figure, footer, h1, h2, h3, h4, h5, h6, header, hr, li, ol, p, pre, section, table, ul';

/** Text, comments (a page's `<!-- -->` between text), and inline elements holding no block. */
function isInline(node: Node): boolean {
  if (node.nodeType === 3 || node.nodeType === 8) return true;
  return node.nodeType === 1 && INLINE.has((node as Element).tagName) && (node as Element).querySelector(BLOCKS_INSIDE) === null;
}

/** A node that puts something on the line: text that is not only spaces, or an element other than <br>. */
function hasContent(node: Node): boolean {
  if (node.nodeType === 3) return (node.textContent ?? '').trim() !== '';
  return node.nodeType === 1 && (node as Element).tagName !== 'BR';
}

/** Runs of text and inline elements directly in `parent` (the body, a quote, a list item's block level) go in a <p>. */
function wrapLooseInline(doc: Document, parent: Element): void {
  let run: Node[] = [];
  const flush = (before: Node | null): void => {
    if (run.some(hasContent)) {
      const p = doc.createElement('p');
      parent.insertBefore(p, before);
      for (const n of run) p.appendChild(n);
    }
    run = [];
  };
  for (const child of Array.from(parent.childNodes)) {
    if (isInline(child)) run.push(child);
    else flush(child);
  }
  flush(null);
  for (const quote of Array.from(parent.querySelectorAll(':scope > blockquote, :scope > div'))) wrapLooseInline(doc, quote);
}

function flattenTables(doc: Document, root: Element): void {
  // Innermost first, so a table in a cell is flattened into that cell's text before its row is.
  for (const table of Array.from(root.querySelectorAll('table')).reverse()) {
    const rows = Array.from(table.querySelectorAll('tr')).filter((tr) => tr.closest('table') === table);
    const paragraphs = rows.map((tr) => {
      const p = doc.createElement('p');
      const cells = Array.from(tr.children).filter((cell) => cell.tagName === 'TD' || cell.tagName === 'TH');
      cells.forEach((cell, i) => {
        if (i > 0) p.appendChild(doc.createTextNode(' '));
        // Blocks in a cell (its own paragraphs, a list) join the row's line, apart by spaces too.
        for (const block of Array.from(cell.querySelectorAll('p, div, ul, ol, li, h1, h2, h3, h4, h5, h6, blockquote, pre'))) {
          block.replaceWith(...Array.from(block.childNodes), doc.createTextNode(' '));
        }
        while (cell.firstChild) p.appendChild(cell.firstChild);
      });
      return p;
    });
    const caption = table.querySelector(':scope > caption');
    if (caption) {
      const p = doc.createElement('p');
      while (caption.firstChild) p.appendChild(caption.firstChild);
      paragraphs.unshift(p);
    }
    table.replaceWith(...paragraphs.filter((p) => (p.textContent ?? '').trim() !== '' || p.querySelector('img')));
  }
}

/** Headings the body cannot hold (h1, h4–h6) become the nearest it can. */
function fitHeadings(doc: Document, root: Element): void {
  for (const h of Array.from(root.querySelectorAll('h1, h4, h5, h6'))) {
    const next = doc.createElement(h.tagName === 'H1' ? 'h2' : 'h3');
    while (h.firstChild) next.appendChild(h.firstChild);
    h.replaceWith(next);
  }
}
