// Runs in: services (headless) and renderer. The ProseMirror schema of an article body, built from
// the very extensions the editor uses, and the check every body that enters the library passes:
// a node or mark the editor cannot hold, a wrong attribute or a misplaced child is refused.
import { getSchema } from '@tiptap/core';
import { Node as PmNode, type Schema } from '@tiptap/pm/model';
import { articleSchema, boundedDocSchema, type DocNode } from '../article';
import { createEditorExtensions } from './editor-extensions';

let schema: Schema | null = null;

/** The editor's schema, built once (no DOM needed). */
export function editorSchema(): Schema {
  schema ??= getSchema(createEditorExtensions());
  return schema;
}

/** Why `body` is not a document of the editor schema, or null when it is one. */
export function bodySchemaProblem(body: DocNode): string | null {
  if (body.type !== 'doc') return `the body is a "${body.type}", not a document`;
  try {
    PmNode.fromJSON(editorSchema(), body).check();
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

/** A body bounded in size (boundedDocSchema), then checked against the editor schema. */
export const editorDocSchema = boundedDocSchema.superRefine((body, ctx) => {
  const problem = bodySchemaProblem(body);
  if (problem) ctx.addIssue({ code: 'custom', message: `the body is not one the editor can hold: ${problem}` });
});

/** An article whose body fits the editor schema: what the library saves and imports and a hub may hand over. */
export const editorArticleSchema = articleSchema.extend({ body: editorDocSchema });
