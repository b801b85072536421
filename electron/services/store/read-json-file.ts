// Runs in: services. Reads and validates one JSON file, telling "missing" apart from "unreadable".
import { readFile } from 'node:fs/promises';
import type { z } from 'zod';
import { errnoCode, fsAppError } from './fs-app-error';
import { parseJsonText } from './parse-json-text';

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
  return parseJsonText(text, schema);
}
