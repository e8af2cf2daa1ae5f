/**
 * CSV as RFC 4180 writes it, made for spreadsheets: UTF-8 with a byte-order mark (without it,
 * Excel on Windows reads the file in the machine's legacy code page and turns 宁德时代 or 기아
 * into mojibake), a header row, CRLF line ends, and every field that holds a comma, a double
 * quote, a semicolon, a tab, CR or LF enclosed in double quotes, with its quotes doubled. (RFC
 * 4180 lets any field be quoted; semicolons and tabs are quoted too because spreadsheets in many
 * locales split on them.)
 *
 * Text from content is untrusted: a cell that a spreadsheet would read as a formula (one that
 * begins with `=`, `+`, `-`, `@`, a tab or CR, or their full-width forms) is neutralised with a
 * leading apostrophe, as OWASP recommends. Only text cells are neutralised; numbers, dates and
 * booleans are written by this code, never copied from content.
 */

/** The UTF-8 byte-order mark, first in every CSV file. */
export const BOM = '\ufeff';

/** Line end of every record, header included (RFC 4180). */
export const CRLF = '\r\n';

/** Characters that make a spreadsheet read a cell as a formula when they come first. */
const FORMULA_START = /^[=+\-@\t\r\uff1d\uff0b\uff0d\uff20]/;

/** Characters that oblige a field to be quoted. */
const NEEDS_QUOTES = /[",;\t\r\n]/;

/** True when a spreadsheet would take `text` for a formula. */
export function looksLikeFormula(text: string): boolean {
  return FORMULA_START.test(text);
}

/**
 * Text as a spreadsheet should show it, never run it: `=HYPERLINK(…)` becomes `'=HYPERLINK(…)`.
 * Other text is unchanged.
 */
export function neutraliseFormula(text: string): string {
  return looksLikeFormula(text) ? `'${text}` : text;
}

/** One field, quoted when it must be (RFC 4180: enclosed in double quotes, quotes doubled). */
export function csvField(text: string): string {
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * A whole CSV file: the byte-order mark, the header row, then one record per row, each ended by
 * CRLF. Cells are written as given: neutralise text cells with {@link neutraliseFormula} first.
 */
export function csvDocument(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const record = (cells: readonly string[]) => `${cells.map(csvField).join(',')}${CRLF}`;
  return BOM + record(header) + rows.map(record).join('');
}
