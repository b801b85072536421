// Runs in: services. What of a remote body may be quoted in a message: a short, flat text, and
// never the markup of a web page (an HTML error page becomes "an HTML page", with its title).

const EXCERPT_MAX = 300;
const TITLE_MAX = 120;

/** Whether a body is a web page rather than data. */
export function looksLikeHtml(text: string): boolean {
  // JSON that quotes markup in a string is still data.
  if (/^\s*[[{]/.test(text)) return false;
  return /^\s*(<!doctype html|<html|<head|<body|<\?xml)/i.test(text) || /<(title|body|h1|p|div|center)[\s>]/i.test(text.slice(0, 2048));
}

/** 'an HTML page ("502 Bad Gateway")', or the flattened start of a text, or '' for an empty body. */
export function bodyExcerpt(text: string | undefined): string {
  if (!text) return '';
  if (looksLikeHtml(text)) {
    const title = flat(stripTags(/<title[^>]*>([\s\S]*?)<\/title>/i.exec(text)?.[1] ?? /<h1[^>]*>([\s\S]*?)<\/h1>/i.exec(text)?.[1] ?? ''));
    return title ? `an HTML page ("${cap(title, TITLE_MAX)}")` : 'an HTML page';
  }
  return cap(flat(text), EXCERPT_MAX);
}

/** The sentence that quotes a body in a message: ' It answered with an HTML page ("…").' or ' It said: “…”', or ''. */
export function bodySaid(text: string | undefined): string {
  const excerpt = bodyExcerpt(text);
  if (!excerpt) return '';
  return text !== undefined && looksLikeHtml(text) ? ` It answered with ${excerpt}.` : ` It said: “${excerpt}”`;
}

/** What of a body the user may read, as a quotation: the text a server said, or the title of its web page. */
export function bodyQuote(text: string | undefined): { serverSaid?: string; pageTitle?: string } {
  if (!text) return {};
  if (looksLikeHtml(text)) {
    const title = flat(stripTags(/<title[^>]*>([\s\S]*?)<\/title>/i.exec(text)?.[1] ?? /<h1[^>]*>([\s\S]*?)<\/h1>/i.exec(text)?.[1] ?? ''));
    return title ? { pageTitle: cap(title, TITLE_MAX) } : {};
  }
  const said = cap(flat(text), EXCERPT_MAX);
  return said ? { serverSaid: said } : {};
}

/** Tags removed from a short text WordPress itself wrote (its error messages may hold markup). */
export function stripTags(text: string): string {
  return text.replace(/<[^>]*>?/g, '');
}

function flat(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function cap(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}
