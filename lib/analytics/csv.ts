/**
 * CSV as spreadsheets read it (RFC 4180): fields with a comma, quote or line
 * break are quoted and inner quotes doubled; lines end in CRLF.
 *
 * Text that starts with = + - @ (or a tab / carriage return) would run as a
 * formula when the file is opened in Excel or Sheets, so a campaign named
 * "=HYPERLINK(…)" is written with a leading apostrophe and shown as text.
 * Numbers we write ourselves are passed as numbers and never prefixed.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export type CsvValue = string | number | null;

export function csvCell(value: CsvValue): string {
  if (value === null) return "";
  const text = typeof value === "number" ? String(value) : FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(rows: CsvValue[][]): string {
  return rows.map((row) => row.map(csvCell).join(",")).join("\r\n") + "\r\n";
}
