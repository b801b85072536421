// Runs in: main (plain Node, no electron import). Keeps the Open Recent list in the user data folder.
import { readFile, rename, writeFile } from 'node:fs/promises';
import { parseRecentArticles, type RecentArticle } from './recent-articles';

const MAX_FILE_BYTES = 64 * 1024;

export async function loadRecentArticles(filePath: string): Promise<RecentArticle[]> {
  try {
    const text = await readFile(filePath, 'utf8');
    return text.length > MAX_FILE_BYTES ? [] : parseRecentArticles(JSON.parse(text));
  } catch {
    return [];
  }
}

/** Temp file and rename: a crash leaves the old list or the new one, never half of one. */
export async function saveRecentArticles(filePath: string, list: readonly RecentArticle[]): Promise<void> {
  const temp = `${filePath}.tmp`;
  await writeFile(temp, JSON.stringify(list));
  await rename(temp, filePath);
}
