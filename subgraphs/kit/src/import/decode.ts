import iconv from 'iconv-lite';
import { ImportRefusal } from './problems.js';

/** The encodings partners' files come in: spreadsheets save UTF-8 (often with a BOM) or Windows-1252. */
export type FileEncoding = 'utf-8' | 'windows-1252';

/** How many bytes decide the encoding: enough to meet the first accented name in most files. */
const SNIFF_BYTES = 64 * 1024;
const BOM = [0xef, 0xbb, 0xbf];

/**
 * Turns a file's bytes into text, streaming. The encoding is decided on the first bytes: a UTF-8 BOM or valid
 * UTF-8 is UTF-8, anything else Windows-1252; UTF-16 and binary files are refused. A file taken as UTF-8 that
 * later holds an invalid sequence is refused naming the line, rather than silently garbled.
 */
export async function* decodeText(source: AsyncIterable<Uint8Array>, onEncoding?: (encoding: FileEncoding) => void) {
  const chunks = source[Symbol.asyncIterator]();
  let head = Buffer.alloc(0);
  let done = false;
  while (!done && head.length < SNIFF_BYTES) {
    const next = await chunks.next();
    if (next.done) done = true;
    else head = Buffer.concat([head, next.value]);
  }
  const encoding = sniff(head);
  onEncoding?.(encoding);
  if (encoding === 'windows-1252') {
    yield iconv.decode(head, 'win1252');
    for (let next = await chunks.next(); !next.done; next = await chunks.next()) yield iconv.decode(Buffer.from(next.value), 'win1252');
    return;
  }
  const utf8 = new Utf8Lines();
  yield utf8.decode(startsWith(head, BOM) ? head.subarray(3) : head);
  for (let next = await chunks.next(); !next.done; next = await chunks.next()) yield utf8.decode(Buffer.from(next.value));
  utf8.end();
}

function sniff(head: Buffer): FileEncoding {
  if (startsWith(head, [0xff, 0xfe]) || startsWith(head, [0xfe, 0xff])) {
    throw new ImportRefusal('ENCODING', 'The file is UTF-16; save it as CSV UTF-8 (or Windows-1252) and send it again.');
  }
  if (head.includes(0)) {
    throw new ImportRefusal('ENCODING', 'The file holds NUL bytes: it is UTF-16 or not a text file at all. Send a CSV file in UTF-8 or Windows-1252.');
  }
  if (startsWith(head, BOM)) return 'utf-8';
  const invalid = firstInvalidUtf8(head);
  // A sequence cut off by the end of the sample is not evidence against UTF-8.
  return invalid === -1 || invalid >= head.length - 3 ? 'utf-8' : 'windows-1252';
}

const startsWith = (bytes: Buffer, prefix: number[]) => prefix.every((byte, index) => bytes[index] === byte);

/** Decodes UTF-8 chunk by chunk, counting lines, so an invalid sequence can be reported by its line. */
class Utf8Lines {
  private decoder = new TextDecoder('utf-8', { fatal: true });
  private lines = 1;

  decode(bytes: Buffer): string {
    if (bytes.includes(0)) this.refuse(bytes, bytes.indexOf(0), 'holds a NUL byte: the rest of the file is not text');
    try {
      const text = this.decoder.decode(bytes, { stream: true });
      this.lines += countNewlines(bytes, bytes.length);
      return text;
    } catch {
      return this.refuse(bytes, Math.max(firstInvalidUtf8(bytes), 0), 'is not valid UTF-8');
    }
  }

  end() {
    try {
      this.decoder.decode();
    } catch {
      throw new ImportRefusal('ENCODING', `Line ${this.lines} ends the file in the middle of a UTF-8 character.`, this.lines);
    }
  }

  private refuse(bytes: Buffer, offset: number, what: string): never {
    const line = this.lines + countNewlines(bytes, offset);
    throw new ImportRefusal(
      'ENCODING',
      `Line ${line} ${what}, although the file began as UTF-8. Save the whole file as CSV UTF-8 and send it again.`,
      line,
    );
  }
}

function countNewlines(bytes: Buffer, end: number): number {
  let count = 0;
  for (let index = bytes.indexOf(10); index !== -1 && index < end; index = bytes.indexOf(10, index + 1)) count += 1;
  return count;
}

/**
 * The offset of the first byte that cannot start or continue a UTF-8 character, or -1. A sequence cut off by
 * the end of `bytes` counts as invalid at its start (the caller decides whether that matters).
 */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  for (let index = 0; index < bytes.length; ) {
    const byte = bytes[index]!;
    const length = byte < 0x80 ? 1 : byte >= 0xc2 && byte <= 0xdf ? 2 : byte >= 0xe0 && byte <= 0xef ? 3 : byte >= 0xf0 && byte <= 0xf4 ? 4 : 0;
    if (length === 0 || index + length > bytes.length) return index;
    for (let next = 1; next < length; next += 1) {
      if ((bytes[index + next]! & 0xc0) !== 0x80) return index;
    }
    index += length;
  }
  return -1;
}
