// Multi-row INSERT statements: one native call per hundred rows instead of one per row, on the hot write path.
import type { Db, Statement } from './db.js';

const ROWS_PER_STATEMENT = 100;

export class BulkInsert {
  private readonly statements = new Map<number, Statement>();
  private readonly width: number;

  constructor(private readonly db: Db, private readonly head: string, columns: number) {
    this.width = columns;
  }

  private statement(rows: number): Statement {
    let s = this.statements.get(rows);
    if (!s) {
      const tuple = `(${new Array(this.width).fill('?').join(', ')})`;
      s = this.db.prepare(`${this.head} VALUES ${new Array(rows).fill(tuple).join(', ')}`);
      this.statements.set(rows, s);
    }
    return s;
  }

  /** `values` holds the rows' values one after another, `width` per row. */
  run(values: readonly unknown[]): void {
    const rows = values.length / this.width;
    for (let first = 0; first < rows; first += ROWS_PER_STATEMENT) {
      const count = Math.min(ROWS_PER_STATEMENT, rows - first);
      this.statement(count).run(...values.slice(first * this.width, (first + count) * this.width));
    }
  }
}
