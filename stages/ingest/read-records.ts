// Streams a CSV file's records through papaparse, each with the line it starts on and its Excel row number.
import Papa from 'papaparse';
import { decodedFile } from './decode.js';
import type { Encoding } from './scan-file.js';

export type CsvRecord = Readonly<{
  fields: readonly string[];
  /** Physical line (1-based) the record starts on, as a text editor shows it. */
  line: number;
  /** Record number (1-based, header rows included), as a spreadsheet numbers its rows. */
  row: number;
  /** A quote problem papaparse reported in this record, with the 1-based field it was found in. */
  quoteError?: Readonly<{ message: string; field: number }>;
}>;

export type ReadSummary = Readonly<{ records: number; linebreak: string }>;

function countBreaks(text: string, linebreak: string): number {
  const mark = linebreak === '\r' ? '\r' : '\n';
  let n = 0;
  for (let i = text.indexOf(mark); i !== -1; i = text.indexOf(mark, i + 1)) n++;
  return n;
}

/**
 * Calls `onRecord` synchronously for every record (the store writes are synchronous too), with the number
 * of the file's bytes read so far.
 */
export function readRecords(path: string, encoding: Encoding, delimiter: string, onRecord: (record: CsvRecord, bytesRead: number) => void): Promise<ReadSummary> {
  const file = decodedFile(path, encoding);
  return new Promise((resolve, reject) => {
    let line = 1;
    let row = 0;
    let linebreak = '\n';
    Papa.parse<string[]>(file.text, {
      delimiter,
      skipEmptyLines: false,
      step(result, parser) {
        if (result.meta.linebreak) linebreak = result.meta.linebreak;
        const fields = result.data;
        row++;
        const quote = result.errors.find((e) => e.type === 'Quotes');
        const record: CsvRecord = quote
          ? { fields, line, row, quoteError: { message: quote.code === 'MissingQuotes' ? 'a quoted field is never closed' : 'a quote in the middle of an unquoted field', field: fields.length } }
          : { fields, line, row };
        let breaks = 1;
        for (const f of fields) breaks += countBreaks(f, linebreak);
        line += breaks;
        try {
          onRecord(record, file.bytesRead());
        } catch (error) {
          parser.abort();
          reject(error);
        }
      },
      complete: () => resolve({ records: row, linebreak }),
      error: (error: Error) => reject(error),
    });
  });
}
