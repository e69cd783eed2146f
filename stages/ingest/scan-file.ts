// One streaming pass over a file's bytes: its sha256 and the text encoding it most likely uses.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { VerbatimError } from '../../pipeline/util/errors.js';

export type Encoding = 'utf-8' | 'windows-1252' | 'utf-16le' | 'utf-16be';

export type FileScan = Readonly<{
  sha256: string;
  bytes: number;
  encoding: Encoding;
  /** Why the encoding was chosen, for the stderr summary and the source record. */
  evidence: string;
}>;

/** Counts well-formed and malformed UTF-8 sequences across chunk boundaries. */
class Utf8Census {
  valid = 0;
  invalid = 0;
  nul = 0;
  private need = 0;
  add(chunk: Uint8Array): void {
    for (let i = 0; i < chunk.length; i++) {
      const b = chunk[i] as number;
      if (this.need > 0) {
        if ((b & 0xc0) === 0x80) {
          if (--this.need === 0) this.valid++;
          continue;
        }
        this.invalid++;
        this.need = 0;
      }
      if (b < 0x80) {
        if (b === 0) this.nul++;
      } else if (b >= 0xc2 && b <= 0xdf) this.need = 1;
      else if (b >= 0xe0 && b <= 0xef) this.need = 2;
      else if (b >= 0xf0 && b <= 0xf4) this.need = 3;
      else this.invalid++;
    }
  }
}

export async function scanFile(path: string): Promise<FileScan> {
  const hash = createHash('sha256');
  const census = new Utf8Census();
  let head: Uint8Array | undefined;
  let bytes = 0;
  try {
    for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) {
      const buf = chunk as Buffer;
      if (!head) head = buf.subarray(0, 4);
      hash.update(buf);
      census.add(buf);
      bytes += buf.length;
    }
  } catch (error) {
    throw new VerbatimError(`cannot read input: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`, { file: path });
  }
  const sha256 = hash.digest('hex');
  const [b0, b1, b2] = head ?? [];
  if (b0 === 0xff && b1 === 0xfe) return { sha256, bytes, encoding: 'utf-16le', evidence: 'UTF-16LE byte order mark' };
  if (b0 === 0xfe && b1 === 0xff) return { sha256, bytes, encoding: 'utf-16be', evidence: 'UTF-16BE byte order mark' };
  if (b0 === 0xef && b1 === 0xbb && b2 === 0xbf) return { sha256, bytes, encoding: 'utf-8', evidence: 'UTF-8 byte order mark' };
  if (census.nul > 0) {
    if (head && head.length >= 2 && head[1] === 0 && head[0] !== 0) return { sha256, bytes, encoding: 'utf-16le', evidence: 'NUL bytes in UTF-16LE pattern (no byte order mark)' };
    throw new VerbatimError('this is not a text file (it contains NUL bytes and no UTF-16 byte order mark)', { file: path, line: 1 });
  }
  if (census.invalid === 0) return { sha256, bytes, encoding: 'utf-8', evidence: census.valid ? 'valid UTF-8' : 'plain ASCII' };
  // Windows-1252 text almost never forms valid multi-byte UTF-8 by accident, so a file with at least as many
  // good sequences as bad bytes is UTF-8 with damage: decode it as
  // UTF-8 and reject the damaged rows. Otherwise the high bytes are single-byte Windows-1252 characters.
  if (census.valid > 0 && census.valid >= census.invalid) return { sha256, bytes, encoding: 'utf-8', evidence: `UTF-8 with ${census.invalid} malformed byte sequences` };
  return { sha256, bytes, encoding: 'windows-1252', evidence: `${census.invalid} bytes not valid as UTF-8: read as Windows-1252` };
}
