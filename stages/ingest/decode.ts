// Turns a file's bytes into a stream of text in the detected encoding, without its byte order mark.
import { createReadStream } from 'node:fs';
import type { Readable } from 'node:stream';
import iconv from 'iconv-lite';
import type { Encoding } from './scan-file.js';

/** The decoded text of a file, and how many of its bytes have been read so far (for progress). */
export function decodedFile(path: string, encoding: Encoding): { text: Readable; bytesRead: () => number } {
  const file = createReadStream(path, { highWaterMark: 1 << 20 });
  return { text: file.pipe(iconv.decodeStream(encoding, { stripBOM: true })) as unknown as Readable, bytesRead: () => file.bytesRead };
}

/** The first `maxChars` characters of a file, for sniffing the delimiter and the columns. */
export async function readSample(path: string, encoding: Encoding, maxChars = 256 * 1024): Promise<{ text: string; complete: boolean }> {
  let text = '';
  const stream = decodedFile(path, encoding).text;
  for await (const chunk of stream) {
    text += chunk as string;
    if (text.length >= maxChars) {
      stream.destroy();
      return { text: text.slice(0, maxChars), complete: false };
    }
  }
  return { text, complete: true };
}
