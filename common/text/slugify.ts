// Runs in: services and renderer. URL slugs from headlines: lowercase ASCII, and CJK kept as-is
// (WordPress stores it percent-encoded).
import { AppError } from '../app-error';

export const MAX_SLUG_LENGTH = 200;

const CJK_LETTER = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u30FC]$/u;
const CJK_CLASS = '\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}\\p{Script=Hangul}\\u30FC';
const USABLE_SLUG = new RegExp(`^[a-z0-9${CJK_CLASS}]+(?:-[a-z0-9${CJK_CLASS}]+)*$`, 'u');
const COMBINING_MARK = /\p{M}/gu;
// Apostrophes join rather than separate: "don't" -> "dont", as WordPress does.
const DROPPED = new Set(["'", '\u2019', '\u02BC']);

// Latin letters that NFKD does not reduce to ASCII, and Russian/Ukrainian Cyrillic.
const TRANSLITERATION: Record<string, string> = {
  ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', đ: 'd', ð: 'd', þ: 'th', ł: 'l', ı: 'i', ħ: 'h', ŋ: 'ng', ſ: 's',
  а: 'a', б: 'b', в: 'v', г: 'g', ґ: 'g', д: 'd', е: 'e', ё: 'e', є: 'ye', ж: 'zh', з: 'z', и: 'i', і: 'i',
  ї: 'yi', й: 'y', к: 'k', л: 'l', м: 'm', н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f',
  х: 'kh', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'shch', ъ: '', ы: 'y', ь: '', э: 'e', ю: 'yu', я: 'ya',
};

/** A slug for `headline`, at most `maxLength` UTF-16 units; '' when nothing usable is left. */
export function slugify(headline: string, maxLength = 80): string {
  if (!Number.isInteger(maxLength) || maxLength < 1) {
    throw new AppError('invalid-input', `Slug length must be a positive whole number, got ${String(maxLength)}`, { kind: 'slug-length' });
  }
  let out = '';
  let pendingHyphen = false;
  // NFKC first: fullwidth Latin, halfwidth kana and circled digits become their plain forms.
  for (const char of headline.normalize('NFKC')) {
    const piece = slugPiece(char);
    if (piece === null) {
      pendingHyphen = out.length > 0;
      continue;
    }
    if (piece === '') continue;
    const next = pendingHyphen ? `-${piece}` : piece;
    if (out.length + next.length > maxLength) {
      // Fill what room is left code point by code point, never splitting a surrogate pair.
      for (const unit of next) {
        if (out.length + unit.length > maxLength) break;
        out += unit;
      }
      break;
    }
    out += next;
    pendingHyphen = false;
  }
  return out.replace(/-+$/, '');
}

/** True for a slug a CMS can take as-is: [a-z0-9] and CJK letters in hyphen-separated runs. */
export function isUsableSlug(slug: string): boolean {
  return slug.length > 0 && slug.length <= MAX_SLUG_LENGTH && USABLE_SLUG.test(slug);
}

/** What one character becomes: kept text, '' (dropped) or null (a separator). */
function slugPiece(char: string): string | null {
  if (CJK_LETTER.test(char)) return char;
  if (DROPPED.has(char)) return '';
  // NFKD splits accented Latin into ASCII plus combining marks; the marks go.
  const folded = char.normalize('NFKD').replace(COMBINING_MARK, '').toLowerCase();
  let piece = '';
  let separates = false;
  for (const c of folded) {
    if (/^[a-z0-9]$/.test(c) || CJK_LETTER.test(c)) piece += c;
    else if (Object.hasOwn(TRANSLITERATION, c)) piece += TRANSLITERATION[c];
    else separates = true;
  }
  if (piece.length > 0) return piece;
  return separates ? null : '';
}
