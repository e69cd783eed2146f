// Progress and log lines for stderr only: stdout is kept for data and reports.

export type Logger = Readonly<{
  info(message: string): void;
  warn(message: string): void;
  debug(message: string): void;
  progress(label: string, total?: number): Progress;
}>;

export type Progress = Readonly<{ tick(done: number): void; done(summary?: string): void }>;

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
  return {
    info: write,
    warn: (m) => out.write(`warning: ${m}\n`),
    debug: (m) => {
      if (options.debug) out.write(`debug: ${m}\n`);
    },
    progress(label, total) {
      const started = Date.now();
      let last = 0;
      const line = (done: number): string => {
        const secs = (Date.now() - started) / 1000;
        const rate = secs > 0 ? done / secs : 0;
        const eta = total && rate > 0 ? ` ETA ${formatSeconds((total - done) / rate)}` : '';
        const of = total ? `/${total}` : '';
        return `${label}: ${done}${of} (${Math.round(rate)}/s)${eta}`;
      };
      return {
        tick(done) {
          if (quiet) return;
          const now = Date.now();
          if (now - last < (tty ? TTY_INTERVAL_MS : PLAIN_INTERVAL_MS)) return;
          last = now;
          if (tty) out.write(`\r\x1b[K${line(done)}`);
          else out.write(`${line(done)}\n`);
        },
        done(summary) {
          if (quiet) return;
          if (tty) out.write('\r\x1b[K');
          if (summary) out.write(`${label}: ${summary} in ${formatSeconds((Date.now() - started) / 1000)}\n`);
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
