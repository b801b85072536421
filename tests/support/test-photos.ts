// Runs in: tests (node). Real, decodable photos made in code, and exiftool to stamp metadata on them.
// exiftool comes from npm (exiftool-vendored ships it), so no system package is needed.
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { crc32, deflateSync } from 'node:zlib';

/** A valid baseline greyscale JPEG of any size: flat mid-grey, one Huffman code per table. */
export function makeJpeg(width: number, height: number): Uint8Array {
  const segment = (marker: number, body: number[]) => [0xff, marker, (body.length + 2) >> 8, (body.length + 2) & 255, ...body];
  const blocks = Math.ceil(width / 8) * Math.ceil(height / 8);
  // Each block: DC difference category 0 ("0"), then end-of-block ("0"); pad the last byte with ones.
  const bits = '00'.repeat(blocks);
  const padded = bits + '1'.repeat((8 - (bits.length % 8)) % 8);
  const scan: number[] = [];
  for (let i = 0; i < padded.length; i += 8) scan.push(parseInt(padded.slice(i, i + 8), 2));
  const oneCodeTable = (tableClass: number) => [tableClass, 1, ...Array<number>(15).fill(0), 0x00];
  return Uint8Array.from([
    0xff, 0xd8,
    ...segment(0xe0, [0x4a, 0x46, 0x49, 0x46, 0, 1, 1, 0, 0, 1, 0, 1, 0, 0]),
    ...segment(0xdb, [0, ...Array<number>(64).fill(1)]),
    ...segment(0xc0, [8, height >> 8, height & 255, width >> 8, width & 255, 1, 1, 0x11, 0]),
    ...segment(0xc4, oneCodeTable(0x00)),
    ...segment(0xc4, oneCodeTable(0x10)),
    ...segment(0xda, [1, 1, 0x00, 0, 63, 0]),
    ...scan,
    0xff, 0xd9,
  ]);
}

/** A valid 8-bit greyscale PNG; `pixel` gives each grey value (flat mid-grey by default). */
export function makePng(width: number, height: number, pixel: (x: number, y: number) => number = () => 0x80): Uint8Array {
  const chunk = (type: string, data: Buffer) => {
    const head = Buffer.alloc(8);
    head.writeUInt32BE(data.length, 0);
    head.write(type, 4, 'ascii');
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
    return Buffer.concat([head, data, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 0, 0, 0, 0], 8);
  const stride = width + 1;
  const rows = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y++) {
    rows[y * stride] = 0; // filter type: none
    for (let x = 0; x < width; x++) rows[y * stride + 1 + x] = pixel(x, y);
  }
  return new Uint8Array(
    Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(rows)), chunk('IEND', Buffer.alloc(0))]),
  );
}

const require = createRequire(import.meta.url);

/** The vendored exiftool: a perl script on Linux and macOS, a bundled .exe on Windows. */
function exiftoolCommand(): { command: string; prefix: string[] } {
  if (process.platform === 'win32') {
    return { command: join(dirname(require.resolve('exiftool-vendored.exe/package.json')), 'bin', 'exiftool.exe'), prefix: [] };
  }
  return { command: 'perl', prefix: [join(dirname(require.resolve('exiftool-vendored.pl/package.json')), 'bin', 'exiftool')] };
}

/** Runs exiftool on a file in place, e.g. ['-IPTC:Credit=City Press Office']. */
export function exiftool(file: string, args: string[]): void {
  const { command, prefix } = exiftoolCommand();
  execFileSync(command, [...prefix, '-q', '-overwrite_original', ...args, file]);
}
