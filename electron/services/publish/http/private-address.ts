// Runs in: services. Whether an IP address belongs to this computer or a private network: loopback,
// RFC 1918, link-local (cloud metadata services live there), IPv6 unique-local and link-local, the
// unspecified address, and IPv4 addresses written as IPv6.
import { isIPv4, isIPv6 } from 'node:net';

const PRIVATE_V4: readonly [number, number][] = [
  [0x00000000, 8], // 0.0.0.0/8: "this network", reaches this computer on Linux
  [0x7f000000, 8], // 127/8
  [0x0a000000, 8], // 10/8
  [0xac100000, 12], // 172.16/12
  [0xc0a80000, 16], // 192.168/16
  [0xa9fe0000, 16], // 169.254/16
];

/** True for loopback and private addresses; false for public ones and for anything that is not an IP address. */
export function isPrivateAddress(address: string): boolean {
  const ip = address.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  if (isIPv4(ip)) return privateV4(ip);
  if (!isIPv6(ip)) return false;
  const mapped = /^(?:0{0,4}:){0,4}:?(?:0{0,4}:)?ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (mapped) return privateV4(mapped[1] as string);
  const words = expandV6(ip);
  if (words.every((w) => w === 0)) return true; // ::
  if (words.slice(0, 7).every((w) => w === 0) && words[7] === 1) return true; // ::1
  if (words.slice(0, 5).every((w) => w === 0) && words[5] === 0xffff) return privateV4(v4Of(words)); // ::ffff:7f00:1
  const first = words[0] as number;
  return (first & 0xfe00) === 0xfc00 || (first & 0xffc0) === 0xfe80; // fc00::/7, fe80::/10
}

function privateV4(ip: string): boolean {
  const value = ip.split('.').reduce((n, part) => n * 256 + Number(part), 0);
  return PRIVATE_V4.some(([base, bits]) => Math.floor(value / 2 ** (32 - bits)) === Math.floor(base / 2 ** (32 - bits)));
}

function v4Of(words: number[]): string {
  const hi = words[6] as number;
  const lo = words[7] as number;
  return [hi >> 8, hi & 0xff, lo >> 8, lo & 0xff].join('.');
}

/** The eight 16-bit words of an IPv6 address (an embedded IPv4 tail is converted). */
function expandV6(ip: string): number[] {
  let text = ip;
  const tail = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (tail) {
    const [a, b, c, d] = (tail[1] as string).split('.').map(Number) as [number, number, number, number];
    text = `${text.slice(0, tail.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, rest] = text.split('::') as [string, string | undefined];
  const left = head ? head.split(':') : [];
  const right = rest ? rest.split(':') : [];
  const fill = rest === undefined ? [] : Array<string>(8 - left.length - right.length).fill('0');
  return [...left, ...fill, ...right].map((w) => parseInt(w, 16));
}
