// Runs in: vitest (node). Comment anchors follow the text through other people's edits, and the
// story names the server accepts.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { anchorInText, decodeAnchor, resolveAnchor } from './story-anchor';
import { storyDocParts } from './story-doc';
import { parseStoryDocumentName, storyDocumentName } from './story-name';

describe('comment anchors', () => {
  it('still point at the same words after text is inserted before them elsewhere', () => {
    const doc = new Y.Doc();
    const paragraph = new Y.XmlElement('paragraph');
    const text = new Y.XmlText('The mayor resigned');
    paragraph.insert(0, [text]);
    storyDocParts(doc).body.insert(0, [paragraph]);
    const anchor = anchorInText(text, 4);

    const other = new Y.Doc();
    Y.applyUpdate(other, Y.encodeStateAsUpdate(doc));
    const otherText = (storyDocParts(other).body.get(0) as Y.XmlElement).get(0) as Y.XmlText;
    otherText.insert(0, 'Breaking: ');
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(other));

    expect(resolveAnchor(doc, anchor)?.index).toBe(14);
    expect(text.toString().slice(14)).toBe('mayor resigned');
  });

  it('refuses anchors that are not base64 relative positions', () => {
    expect(decodeAnchor('not base64!')).toBeNull();
    expect(decodeAnchor('A'.repeat(600))).toBeNull();
  });
});

describe('story document names', () => {
  it('are story/<article id> and nothing else', () => {
    expect(storyDocumentName('abc0123456')).toBe('story/abc0123456');
    expect(parseStoryDocumentName('story/abc0123456')).toBe('abc0123456');
    for (const bad of ['abc0123456', 'story/../x', 'story/ABC0123456', 'story/short', `story/${'a'.repeat(60)}`]) {
      expect(parseStoryDocumentName(bad)).toBeNull();
    }
  });
});
