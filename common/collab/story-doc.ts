// Runs in: main, services, renderer and the newsroom server. The shape of a story as a Yjs
// document, so the app and the server read and write the same thing:
//   body     Y.XmlFragment: the TipTap body (Collaboration extension with `field: STORY_BODY_FIELD`)
//   fields   Y.Map<string>: headline, standfirst, byline, slug and the other text fields
//   meta     Y.Map<unknown>: language, tags and other metadata
// Workflow status, history and comments are NOT in the document: the server keeps them (so a
// client cannot rewrite them), and comments point into the body with Yjs relative positions.
import * as Y from 'yjs';

export const STORY_BODY_FIELD = 'body';
export const STORY_FIELDS_MAP = 'fields';
export const STORY_META_MAP = 'meta';

export interface StoryDocParts {
  body: Y.XmlFragment;
  fields: Y.Map<string>;
  meta: Y.Map<unknown>;
}

export function storyDocParts(doc: Y.Doc): StoryDocParts {
  return {
    body: doc.getXmlFragment(STORY_BODY_FIELD),
    fields: doc.getMap<string>(STORY_FIELDS_MAP),
    meta: doc.getMap<unknown>(STORY_META_MAP),
  };
}

/** The plain text of the body, paragraph by paragraph (for comparisons and word counts). */
export function storyBodyText(doc: Y.Doc): string {
  const parts: string[] = [];
  const visit = (node: Y.XmlElement | Y.XmlText | Y.XmlHook | Y.XmlFragment) => {
    if (node instanceof Y.XmlText) {
      parts.push(node.toString().replace(/<[^>]*>/g, ''));
      return;
    }
    if (node instanceof Y.XmlElement || node instanceof Y.XmlFragment) {
      node.toArray().forEach(visit);
      if (node instanceof Y.XmlElement) parts.push('\n');
    }
  };
  storyDocParts(doc).body.toArray().forEach(visit);
  return parts.join('').replace(/\n+$/, '');
}
