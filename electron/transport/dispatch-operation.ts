// Runs in: the host and the services process (Node). Turns one untrusted (name, input) pair into a validated handler call and an Envelope.
import type { z } from 'zod';
import { isAppError } from '../../common/app-error';
import { isOperationName, operations, type Envelope, type OperationHandlers } from '../../common/contract';
import { MAX_REQUEST_BYTES } from '../../common/http-protocol';
import { expandPreparedJson, PreparedJsonError } from '../../common/prepared-json';

export type ErrorLogger = (message: string, error: unknown) => void;

const MAX_ISSUES_IN_MESSAGE = 5;

function describeIssues(issues: readonly z.core.$ZodIssue[]): string {
  const parts = issues.slice(0, MAX_ISSUES_IN_MESSAGE).map((issue) => {
    const path = issue.path.map((key) => String(key)).join('.');
    return `${path === '' ? '(input)' : path}: ${issue.message}`;
  });
  const more = issues.length > MAX_ISSUES_IN_MESSAGE ? ` (and ${issues.length - MAX_ISSUES_IN_MESSAGE} more)` : '';
  return parts.join('; ') + more;
}

function describeName(name: unknown): string {
  return typeof name === 'string' ? JSON.stringify(name.slice(0, 100)) : typeof name;
}

/** The answer to a name that is no contract operation (checked before anything is forwarded or parsed). */
export function unknownOperation(name: unknown): Envelope<never> {
  return { ok: false, error: { code: 'invalid-input', message: `Unknown operation ${describeName(name)}.`, details: { kind: 'unknown-operation' } } };
}

const logToConsole: ErrorLogger = (message, error) => console.error(message, error);

export async function dispatchOperation(
  handlers: OperationHandlers,
  name: unknown,
  input: unknown,
  logError: ErrorLogger = logToConsole,
): Promise<Envelope<unknown>> {
  if (!isOperationName(name)) return unknownOperation(name);
  let expanded: unknown;
  try {
    // A value the renderer sent already encoded (an autosaved body over IPC) is parsed here, then validated like the rest.
    expanded = expandPreparedJson(input, MAX_REQUEST_BYTES);
  } catch (error) {
    if (!(error instanceof PreparedJsonError)) throw error;
    return { ok: false, error: { code: 'invalid-input', message: `Invalid input for ${name}: ${error.message}.`, details: { kind: 'contract-input', operation: name, issues: 1 } } };
  }
  // A missing input means "no arguments", which only passes operations whose input is all-optional.
  const parsed = operations[name].safeParse(expanded === undefined ? {} : expanded);
  if (!parsed.success) {
    return {
      ok: false,
      error: {
        code: 'invalid-input',
        message: `Invalid input for ${name}: ${describeIssues(parsed.error.issues)}`,
        details: { kind: 'contract-input', operation: name, issues: parsed.error.issues.length },
      },
    };
  }
  const handler = handlers[name] as (value: unknown) => Promise<unknown>;
  try {
    return { ok: true, value: await handler(parsed.data) };
  } catch (error) {
    if (isAppError(error)) {
      const failure: Envelope<unknown> = { ok: false, error: { code: error.code, message: error.message } };
      if (error.details !== undefined && !failure.ok) failure.error.details = error.details;
      return failure;
    }
    logError(`Operation ${name} failed unexpectedly:`, error);
    return {
      ok: false,
      error: { code: 'internal', message: `Something went wrong while running ${name}. The details are in the application log.`, details: { kind: 'unexpected' } },
    };
  }
}
