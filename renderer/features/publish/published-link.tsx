// Runs in: renderer. The live address of a publication: a link that opens outside the app, a path for folder targets, and "Copy link".
import { useState } from 'react';
import { readableUrl } from '../../../common/text/readable-url';
import { useT } from '../../i18n/use-t';

type LinkKind = { kind: 'web'; href: string } | { kind: 'file'; href: string; path: string } | { kind: 'text' };

/** Only http(s) and file addresses become links; anything else is shown as text. */
export function classifyUrl(url: string): LinkKind {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { kind: 'text' };
  }
  if (parsed.protocol === 'http:' || parsed.protocol === 'https:') return { kind: 'web', href: parsed.href };
  if (parsed.protocol === 'file:') {
    let path = parsed.pathname;
    try {
      path = decodeURIComponent(path);
    } catch {
      // Keep the encoded form: still a usable, selectable path.
    }
    // file:///C:/Users/... is C:/Users/... on Windows.
    if (/^\/[A-Za-z]:\//.test(path)) path = path.slice(1);
    return { kind: 'file', href: parsed.href, path };
  }
  return { kind: 'text' };
}

export interface PublishedLinkProps {
  url: string;
  /** Shorter form for the publications line: the link only. */
  compact?: boolean;
}

export function PublishedLink({ url, compact }: PublishedLinkProps) {
  const t = useT();
  const [copied, setCopied] = useState<'no' | 'yes' | 'failed'>('no');
  const link = classifyUrl(url);

  const handleCopy = (): void => {
    const clipboard = typeof navigator === 'undefined' ? undefined : navigator.clipboard;
    if (!clipboard) {
      setCopied('failed');
      return;
    }
    clipboard.writeText(url).then(
      () => setCopied('yes'),
      () => setCopied('failed'),
    );
  };

  // In Electron the main process routes new windows to the system browser or file manager.
  const anchor = (label: string) => (
    <a href={link.kind === 'text' ? undefined : link.href} target="_blank" rel="noopener noreferrer">
      {label}
    </a>
  );

  return (
    <span className="published-link">
      {link.kind === 'web' ? anchor(readableUrl(url)) : null}
      {link.kind === 'file' ? (
        <>
          <code className="selectable-path">{link.path}</code> {anchor(t('publish.openFile'))}
        </>
      ) : null}
      {link.kind === 'text' ? <code className="selectable-path">{readableUrl(url)}</code> : null}
      {compact ? null : (
        <>
          {' '}
          <button type="button" onClick={handleCopy}>
            {t('publish.copyLink')}
          </button>
          <span role="status" className="hint">
            {copied === 'yes' ? t('publish.copied') : copied === 'failed' ? t('publish.copyFailed') : ''}
          </span>
        </>
      )}
    </span>
  );
}
