// Progress goes to stderr: one shared status line on a terminal, plain lines otherwise, nothing when quiet.
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../pipeline/util/log.js';

function stream(isTTY: boolean): { written: string[]; stream: NodeJS.WriteStream } {
  const written: string[] = [];
  return { written, stream: { isTTY, write: (chunk: string) => written.push(chunk) > 0 } as unknown as NodeJS.WriteStream };
}

describe('progress', () => {
  it('shows every running stage on one terminal line, each with its rate and, when known, its total', () => {
    const { written, stream: out } = stream(true);
    const log = createLogger({ stream: out });
    const ingest = log.progress('ingest survey');
    const analyse = log.progress('analyse', 1000);
    ingest.tick(5000);
    analyse.tick(250);
    const line = written[written.length - 1] ?? '';
    expect(line.startsWith('\r\x1b[K')).toBe(true);
    expect(line).toMatch(/ingest survey: 5000 \(\d+\/s\)  \|  analyse: 250\/1000 \(\d+\/s\)/);
    ingest.done('9000 rows');
    // The finished stage leaves its summary on a line of its own; the other is drawn again below it.
    expect(written.slice(-2)).toEqual([expect.stringMatching(/^ingest survey: 9000 rows in \d+\.\ds\n$/), expect.stringMatching(/^\r\x1b\[Kanalyse: 250\/1000/)]);
  });

  it('gives a share done and an ETA when only the fraction is known (ingest: bytes read of the file)', () => {
    const { written, stream: out } = stream(false);
    createLogger({ stream: out }).progress('ingest survey').tick(2048, 0.25);
    expect(written).toEqual([expect.stringMatching(/^ingest survey: 2048 \(25%\) \(\d+\/s\) ETA \d+\.\ds\n$/)]);
  });

  it('writes plain lines when stderr is not a terminal, and nothing when quiet', () => {
    const plain = stream(false);
    const log = createLogger({ stream: plain.stream });
    const p = log.progress('campaigns');
    p.tick(10);
    p.done('3 campaigns');
    expect(plain.written).toEqual([expect.stringMatching(/^campaigns: 10 \(\d+\/s\)\n$/), expect.stringMatching(/^campaigns: 3 campaigns in \d+\.\ds\n$/)]);
    const quiet = stream(true);
    const q = createLogger({ stream: quiet.stream, quiet: true }).progress('analyse', 5);
    q.tick(1);
    q.done('5 responses');
    expect(quiet.written).toEqual([]);
  });
});
