// Runs in: services and renderer. What "Preview as published" gets for a WordPress target.
export interface WordpressPreview {
  /** A whole page under its own strict CSP, to be shown in a sandboxed frame. */
  html: string;
  /** The site's stylesheets: inlined, the site links none, or they could not be fetched (offline, errors). */
  siteStyles: 'applied' | 'none' | 'unavailable';
}
