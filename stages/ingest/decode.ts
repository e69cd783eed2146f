// Turns a file's bytes into a stream of text in the detected encoding, without its byte order mark.
import { createReadStream } from 'node:fs';
import type { Readable } from 'node:stream';
import iconv from 'iconv-lite';
import type { Encoding } from './scan-file.js';

export function decodedStream(path: string, encoding: Encoding): Readable {
  return createReadStream(path, { highWaterMark: 1 << 20 }).pipe(iconv.decodeStream(encoding, { stripBOM: true })) as unknown as Readable;
}

/** The first `maxChars` characters of a file, for sniffing the delimiter and the columns. */
export async function readSample(path: string, encoding: Encoding, maxChars = 256 * 1024): Promise<{ text: string; complete: boolean }> {
  let text = '';
  const stream = decodedStream(path, encoding);
  for await (const chunk of stream) {
    text += chunk as string;
    if (text.length >= maxChars) {
      stream.destroy();
      return { text: text.slice(0, maxChars), complete: false };
    }
  }
  return { text, complete: true };
}
