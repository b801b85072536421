// Runs in: services. WordPress's post times (GMT, one-second resolution, no zone suffix) as
// Dateline reads them.

/**
 * The revision token of a post without a review package: its modified time in whole seconds since
 * 1970 (WordPress keeps one-second resolution). Zero when WordPress sent no usable time.
 */
export function modifiedToken(modifiedGmt: string | null | undefined): number {
  if (!modifiedGmt) return 0;
  const ms = Date.parse(`${modifiedGmt.replace(/Z$/, '')}Z`);
  return Number.isFinite(ms) && ms > 0 ? Math.floor(ms / 1000) : 0;
}

/** A WordPress GMT time ("2026-11-25T08:00:00") as ISO 8601 with offset, or null. */
export function gmtToIso(gmt: string | null | undefined): string | null {
  if (!gmt) return null;
  const ms = Date.parse(`${gmt.replace(/Z$/, '')}Z`);
  return Number.isFinite(ms) ? new Date(ms).toISOString() : null;
}
