// Runs in: services and renderer. A YAML scalar that is always read back as exactly this string:
// a JSON string is a valid YAML double-quoted scalar once the characters YAML treats specially
// (C1 controls, NEL, line/paragraph separators, BOM, lone surrogates) are escaped too.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function yamlString(value: string): string {
  return JSON.stringify(value.replace(LONE_SURROGATE, '\uFFFD')).replace(
    /[\u007F-\u009F\u2028\u2029\uFEFF]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`,
  );
}
