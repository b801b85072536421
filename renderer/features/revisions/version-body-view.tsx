// Runs in: renderer. A version's body, read-only, rendered through the editor's own schema
// (headings, lists, quotes, marks, photos with captions): ProseMirror's DOMSerializer builds the
// elements from the schema's rules, so nothing outside the schema (and no HTML string) reaches the
// page. Each top-level block can be put back into the open article.
import { getSchema } from '@tiptap/core';
import { DOMSerializer, type Schema } from '@tiptap/pm/model';
import { useEffect, useMemo, useRef } from 'react';
import type { DocNode } from '../../../common/article';
import type { DatelineApi } from '../../../common/contract';
import { createEditorExtensions } from '../../../common/editor/editor-extensions';
import { useT } from '../../i18n/use-t';

const schemas = new WeakMap<DatelineApi, Schema>();

/** The editor schema whose photos load through this api's thumbnail URLs. */
function viewSchema(api: DatelineApi): Schema {
  let schema = schemas.get(api);
  if (!schema) {
    schema = getSchema(createEditorExtensions({ resolveMediaUrl: (id) => api.thumbnailUrl(id) }));
    schemas.set(api, schema);
  }
  return schema;
}

export interface VersionBodyViewProps {
  api: DatelineApi;
  body: DocNode;
  /** Per top-level block: whether putting it back would change the article (false: it is there as it was). */
  restorable: readonly boolean[];
  onRestoreBlock(index: number): void;
}

export function VersionBodyView({ api, body, restorable, onRestoreBlock }: VersionBodyViewProps) {
  const t = useT();
  const schema = viewSchema(api);
  const doc = useMemo(() => {
    try {
      return schema.nodeFromJSON(body);
    } catch {
      return null;
    }
  }, [schema, body]);
  const blocks = useMemo(() => {
    const out: HTMLElement[] = [];
    if (!doc) return out;
    const serializer = DOMSerializer.fromSchema(schema);
    doc.forEach((child) => {
      const holder = document.createElement('div');
      holder.appendChild(serializer.serializeNode(child));
      out.push(holder);
    });
    return out;
  }, [doc, schema]);

  return (
    <div className="version-body">
      {blocks.map((holder, index) => (
        <div key={index} className="version-block">
          <BlockContent holder={holder} />
          <button
            type="button"
            className="version-block-restore"
            disabled={!restorable[index]}
            aria-label={restorable[index] ? t('versions.restoreBlockNamed', { n: index + 1 }) : undefined}
            onClick={() => onRestoreBlock(index)}
          >
            {restorable[index] ? t('versions.restoreBlock') : t('versions.blockSame')}
          </button>
        </div>
      ))}
    </div>
  );
}

/** Mounts elements the serializer built (never parsed from a string). */
function BlockContent({ holder }: { holder: HTMLElement }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const target = ref.current;
    if (!target) return undefined;
    target.replaceChildren(...[...holder.childNodes].map((n) => n.cloneNode(true)));
    return () => target.replaceChildren();
  }, [holder]);
  return <div ref={ref} className="version-block-content" />;
}
