// Progress and log lines for stderr only: stdout is kept for data and reports.

export type Logger = Readonly<{
  info(message: string): void;
  warn(message: string): void;
  debug(message: string): void;
  progress(label: string, total?: number): Progress;
}>;

/** `fraction`: how far along the stage is (0-1) when its total is not known, e.g. bytes read of a file. */
export type Progress = Readonly<{ tick(done: number, fraction?: number): void; done(summary?: string): void }>;

export type LoggerOptions = Readonly<{ quiet?: boolean; debug?: boolean; stream?: NodeJS.WriteStream }>;

const PLAIN_INTERVAL_MS = 5000;
const TTY_INTERVAL_MS = 200;

export function createLogger(options: LoggerOptions = {}): Logger {
  const out = options.stream ?? process.stderr;
  const quiet = options.quiet === true;
  const tty = out.isTTY === true && !process.env.NO_COLOR;
  const write = (line: string): void => {
    if (!quiet) out.write(`${line}\n`);
  };
  // On a terminal every running stage shares one status line (under `run`, ingest and analysis run together).
  const status = new Map<symbol, string>();
  const drawStatus = (): void => {
    out.write(`\r\x1b[K${[...status.values()].join('  |  ')}`);
  };
  return {
    info: write,
    warn: (m) => out.write(`warning: ${m}\n`),
    debug: (m) => {
      if (options.debug) out.write(`debug: ${m}\n`);
    },
    progress(label, total) {
      const started = Date.now();
      const key = Symbol(label);
      let last = 0;
      const line = (done: number, fraction: number | undefined): string => {
        const secs = (Date.now() - started) / 1000;
        const rate = secs > 0 ? done / secs : 0;
        const left = total ? (rate > 0 ? (total - done) / rate : undefined) : fraction && fraction > 0 ? (secs * (1 - fraction)) / fraction : undefined;
        const eta = left === undefined ? '' : ` ETA ${formatSeconds(left)}`;
        const of = total ? `/${total}` : fraction === undefined ? '' : ` (${Math.floor(fraction * 100)}%)`;
        return `${label}: ${done}${of} (${Math.round(rate)}/s)${eta}`;
      };
      return {
        tick(done, fraction) {
          if (quiet) return;
          const now = Date.now();
          if (now - last < (tty ? TTY_INTERVAL_MS : PLAIN_INTERVAL_MS)) return;
          last = now;
          if (!tty) {
            out.write(`${line(done, fraction)}\n`);
            return;
          }
          status.set(key, line(done, fraction));
          drawStatus();
        },
        done(summary) {
          if (quiet) return;
          if (tty) {
            status.delete(key);
            out.write('\r\x1b[K');
          }
          if (summary) out.write(`${label}: ${summary} in ${formatSeconds((Date.now() - started) / 1000)}\n`);
          if (tty && status.size) drawStatus();
        },
      };
    },
  };
}

export function formatSeconds(seconds: number): string {
  if (seconds < 60) return `${seconds.toFixed(1)}s`;
  const m = Math.floor(seconds / 60);
  return `${m}m${Math.round(seconds - m * 60)}s`;
}

export const silentLogger: Logger = createLogger({ quiet: true });
