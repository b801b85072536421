// Runs in: services. Reads and validates one JSON file, telling "missing" apart from "unreadable".
import { readFile } from 'node:fs/promises';
import type { z } from 'zod';
import { errnoCode, fsAppError } from './fs-app-error';

export type JsonFileResult<T> = { kind: 'ok'; value: T } | { kind: 'missing' } | { kind: 'unreadable'; reason: string };

export async function readJsonFile<S extends z.ZodType>(path: string, schema: S): Promise<JsonFileResult<z.output<S>>> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if (errnoCode(error) === 'ENOENT') return { kind: 'missing' };
    if (errnoCode(error) === 'EISDIR') return { kind: 'unreadable', reason: 'it is a folder, not a file' };
    throw fsAppError(error, path, 'read');
  }
  if (text.trim().length === 0) return { kind: 'unreadable', reason: 'the file is empty' };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { kind: 'unreadable', reason: `it is not valid JSON (${error instanceof Error ? error.message : String(error)})` };
  }
  let parsed;
  try {
    parsed = schema.safeParse(json);
  } catch (error) {
    // A document nested thousands deep overflows the stack of a recursive schema: unreadable, not a crash.
    if (error instanceof RangeError) return { kind: 'unreadable', reason: 'it is nested too deeply to be an article' };
    throw error;
  }
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length > 0 ? ` at ${issue.path.join('.')}` : '';
    return { kind: 'unreadable', reason: `it does not match the expected format${where}: ${issue?.message ?? 'invalid'}` };
  }
  return { kind: 'ok', value: parsed.data };
}
