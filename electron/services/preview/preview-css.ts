// Runs in: services. A site's stylesheet made fit to sit inline in a preview page: no `@import`
// of other sheets (the preview loads nothing from the network), no `url()` that points off the
// page (the frame's CSP would block them anyway; they become `none`), and nothing that could
// close the <style> element it goes in.

const IMPORT_RULE = /@import\s+(?:url\(\s*(?:"[^"]*"|'[^']*'|[^)]*)\s*\)|"[^"]*"|'[^']*')[^;]*;?/gi;
const URL_TOKEN = /url\(\s*(?:"([^"]*)"|'([^']*)'|([^)'"]*))\s*\)/gi;
const COMMENT = /\/\*[\s\S]*?\*\//g;

export function previewCss(css: string): string {
  return css
    .replace(COMMENT, '')
    .replace(IMPORT_RULE, '')
    .replace(URL_TOKEN, (token: string, dq?: string, sq?: string, bare?: string) => (isInlineData(dq ?? sq ?? bare ?? '') ? token : 'none'))
    // `\3c ` is CSS's own escape for `<`: the same text in strings, and no tag can start.
    .replace(/</g, '\\3c ');
}

/** Inline fonts and pictures are kept; everything else would be a request. */
function isInlineData(value: string): boolean {
  return /^data:(?:image|font)\//i.test(value.trim());
}
