// Runs in: services and renderer. Which image sources an exported page may point at: raster data
// URIs, http(s), or a plain relative path beside the page.
const DATA_IMAGE = /^data:image\/(?:png|jpeg|gif|webp|avif);base64,[A-Za-z0-9+/]*={0,2}$/;
const SCHEME = /^[A-Za-z][A-Za-z0-9+.-]*:/;

export function isSafeImageSrc(src: string): boolean {
  if (src.length === 0 || /[\u0000-\u0020\u007f\\]/.test(src)) return false;
  if (src.startsWith('data:')) return DATA_IMAGE.test(src);
  if (SCHEME.test(src)) {
    try {
      const url = new URL(src);
      return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname.length > 0;
    } catch {
      return false;
    }
  }
  // Relative paths only: no protocol-relative //host, no :-smuggled schemes.
  return !src.startsWith('//') && !src.includes(':');
}
