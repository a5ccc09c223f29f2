// Applicant lists as CSV that Excel opens correctly: UTF-8 with a byte-order mark (otherwise Excel
// reads Korean as mojibake), CRLF line ends, and every cell that a spreadsheet would run as a
// formula (starting with = + - @, a tab or a carriage return) prefixed with an apostrophe.
import Papa from "papaparse";

const BOM = "\uFEFF";
// papaparse's own default (/^[=+\-@\t\r].*$/) misses a formula followed by a line break.
const FORMULA_START = /^[=+\-@\t\r]/;

export type CsvCell = string | number | null;

export function toExcelCsv(header: string[], rows: CsvCell[][]): string {
  return (
    BOM +
    Papa.unparse(
      { fields: header, data: rows.map((row) => row.map((cell) => cell ?? "")) },
      { escapeFormulae: FORMULA_START, newline: "\r\n", quotes: false },
    ) +
    "\r\n"
  );
}
