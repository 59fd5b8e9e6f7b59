import { stringify } from 'csv-stringify/sync';

/**
 * A spreadsheet treats a cell starting with = + - @ (or a tab or carriage
 * return) as a formula (CSV injection): such cells get a leading apostrophe,
 * shown as text.
 */
export function neutralizeCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** CSV that a French spreadsheet opens as is: UTF-8 with BOM, `;` between cells, CRLF, every cell neutralized. */
export function spreadsheetCsv(rows: string[][]): string {
  return stringify(
    rows.map((cells) => cells.map(neutralizeCell)),
    { delimiter: ';', bom: true, record_delimiter: 'windows' },
  );
}
