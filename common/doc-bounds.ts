// Runs in: main, services, host and renderer. How large an article body may be before anything
// validates it: a walk that counts values, depth and text and stops at the first limit, so a file
// of two million tiny nodes costs milliseconds to refuse instead of seconds to validate.

export interface DocLimits {
  /** Objects, arrays and values in the body, attributes and marks included. */
  maxValues: number;
  /** Nesting of objects and arrays; a node inside a node's content is two levels deeper. */
  maxDepth: number;
  /** UTF-16 code units of every string in the body together. */
  maxTextChars: number;
}

/**
 * Generous for real articles. Measured (doc-bounds.test.ts): a 100,000-word story with every fourth
 * word bold, italic or linked, 200 photos and lists nested nine deep is 3.3 MB of JSON with 454,405
 * parts, depth 42 and 2.0 million characters. Two million one-letter text nodes are 10 million parts.
 */
export const DOC_LIMITS: DocLimits = {
  maxValues: 2_000_000,
  maxDepth: 96,
  maxTextChars: 10_000_000,
};

/** Why the body is too large (the first limit reached), or null when it is within the limits. */
export function docBoundsProblem(body: unknown, limits: DocLimits = DOC_LIMITS): string | null {
  let values = 1;
  let text = 0;
  const stack: { value: unknown; depth: number }[] = [{ value: body, depth: 1 }];
  while (stack.length > 0) {
    const { value, depth } = stack.pop() as { value: unknown; depth: number };
    if (typeof value === 'string') {
      text += value.length;
      if (text > limits.maxTextChars) return `it holds more than ${limits.maxTextChars.toLocaleString('en')} characters of text`;
      continue;
    }
    if (value === null || typeof value !== 'object') continue;
    if (depth > limits.maxDepth) return `it is nested more than ${limits.maxDepth} levels deep`;
    const children = Array.isArray(value) ? (value as unknown[]) : Object.entries(value as Record<string, unknown>).flat();
    values += children.length;
    if (values > limits.maxValues) return `it holds more than ${limits.maxValues.toLocaleString('en')} parts (nodes, marks and attributes)`;
    for (const child of children) stack.push({ value: child, depth: depth + 1 });
  }
  return null;
}
