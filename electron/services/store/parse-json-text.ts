// Runs in: services. Parses the text of a JSON file and checks it against a schema, saying in plain
// words why it is unreadable when it is not (the shared part of every JSON file the stores read).
import type { z } from 'zod';

export type JsonTextResult<T> = { kind: 'ok'; value: T } | { kind: 'unreadable'; reason: string };

export function parseJsonText<S extends z.ZodType>(text: string, schema: S): JsonTextResult<z.output<S>> {
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
