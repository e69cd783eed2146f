// Fatal errors that carry a place (file, line, column) and the exit code the CLI should use.

export type Place = Readonly<{ file?: string; line?: number; column?: number }>;

export class VerbatimError extends Error {
  readonly place: Place;
  readonly exitCode: number;
  constructor(message: string, place: Place = {}, exitCode = 2) {
    super(message);
    this.name = 'VerbatimError';
    this.place = place;
    this.exitCode = exitCode;
  }
  /** One line, `file:line:column: message`, as compilers and linters print it. */
  oneLine(): string {
    const { file, line, column } = this.place;
    const where = [file, line, line !== undefined ? column : undefined].filter((p) => p !== undefined).join(':');
    return where ? `${where}: ${this.message}` : this.message;
  }
}
