// Runs in: main, services, renderer and the newsroom server. The name a story's Yjs document has
// on the newsroom server: "story/<article id>". Anything else is refused before any lookup.
import { articleIdSchema, type ArticleId } from '../article';

const PREFIX = 'story/';

export function storyDocumentName(articleId: ArticleId): string {
  return PREFIX + articleIdSchema.parse(articleId);
}

/** The article id a document name names, or null when the name is not a story's. */
export function parseStoryDocumentName(name: string): ArticleId | null {
  if (typeof name !== 'string' || name.length > 64 || !name.startsWith(PREFIX)) return null;
  const id = name.slice(PREFIX.length);
  return articleIdSchema.safeParse(id).success ? id : null;
}
