// Runs in: services. Caption, credit, copyright and orientation a photo carries in IPTC, XMP or EXIF.
// Credit rule (what a newsroom prints under a photo): the photographer (IPTC By-line, else XMP
// dc:creator, else EXIF Artist) and the supplier (IPTC Credit, else XMP photoshop:Credit) joined as
// "Photographer / Supplier"; just one of them when the other is missing or already contains it.
import exifr from 'exifr';

export interface PhotoMetadata {
  caption: string;
  credit: string;
  copyright: string;
  /** EXIF Orientation 1-8; 1 when absent. */
  orientation: number;
}

type Segment = Record<string, unknown>;

const EMPTY: PhotoMetadata = { caption: '', credit: '', copyright: '', orientation: 1 };

export async function readPhotoMetadata(bytes: Uint8Array): Promise<PhotoMetadata> {
  let raw: unknown;
  try {
    raw = await exifr.parse(bytes, { iptc: true, xmp: true, tiff: true, exif: true, mergeOutput: false, translateValues: false });
  } catch {
    // Metadata is only a pre-fill: a photo with broken metadata is still a photo.
    return EMPTY;
  }
  if (!isSegment(raw)) return EMPTY;
  const iptc = segment(raw.iptc);
  const ifd0 = segment(raw.ifd0);
  const dc = segment(raw.dc);
  const photoshop = segment(raw.photoshop);

  const caption = first(text(iptc.Caption), text(dc.description), text(ifd0.ImageDescription));
  const photographer = first(text(iptc.Byline), text(dc.creator), text(ifd0.Artist));
  const supplier = first(text(iptc.Credit), text(photoshop.Credit));
  const copyright = first(text(iptc.CopyrightNotice), text(ifd0.Copyright), text(dc.rights));
  const orientation = typeof ifd0.Orientation === 'number' && ifd0.Orientation >= 1 && ifd0.Orientation <= 8 ? ifd0.Orientation : 1;
  return { caption, credit: joinCredit(photographer, supplier), copyright, orientation };
}

export function joinCredit(photographer: string, supplier: string): string {
  if (!photographer) return supplier;
  if (!supplier) return photographer;
  const a = photographer.toLocaleLowerCase();
  const b = supplier.toLocaleLowerCase();
  if (b.includes(a)) return supplier;
  if (a.includes(b)) return photographer;
  return `${photographer} / ${supplier}`;
}

function isSegment(value: unknown): value is Segment {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function segment(value: unknown): Segment {
  return isSegment(value) ? value : {};
}

function first(...values: string[]): string {
  return values.find((v) => v.length > 0) ?? '';
}

/** Strings, XMP language alternatives ({lang, value}) and lists (several creators), as one clean string. */
function text(value: unknown): string {
  if (typeof value === 'string') return clean(repairUtf8(value));
  if (Array.isArray(value)) return value.map(text).filter((v) => v.length > 0).join(', ');
  if (isSegment(value) && 'value' in value) return text(value.value);
  return '';
}

function clean(value: string): string {
  return value.replace(/\0+$/g, '').replace(/\s+/g, ' ').trim();
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** exifr decodes IPTC (and some EXIF) strings byte-per-character; UTF-8 text (e.g. Chinese) is re-decoded. */
export function repairUtf8(value: string): string {
  if (!/[\u0080-\u00ff]/.test(value)) return value;
  const bytes = new Uint8Array(value.length);
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code > 0xff) return value;
    bytes[i] = code;
  }
  try {
    return utf8.decode(bytes);
  } catch {
    return value;
  }
}
