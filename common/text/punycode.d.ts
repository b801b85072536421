// The punycode package (RFC 3492) ships no types; imported as 'punycode/' so Node's deprecated
// built-in module of the same name is never picked instead.
declare module 'punycode/' {
  const punycode: {
    /** A Punycode string of ASCII symbols to a string of Unicode symbols; throws on bad input. */
    decode(input: string): string;
    encode(input: string): string;
    toUnicode(domain: string): string;
    toASCII(domain: string): string;
  };
  export default punycode;
}
