/**
 * A streaming XLSX writer with flat memory: each sheet's XML is produced by an
 * async generator that the zip pulls from (`Readable.from` into `archiver`),
 * so a row is read from the database only when the deflater, and behind it
 * the HTTP client, asked for more. ExcelJS's streaming writer pushes every
 * committed row into its zip without waiting (its memory grew by ~4 KB a row
 * behind the deflater: docs/performance.md), hence this small writer of the
 * few parts of SpreadsheetML a table of values needs. Cells are numbers or
 * inline strings: a string is never read as a formula, so nothing needs
 * neutralising as in a CSV.
 */
import { Readable } from 'node:stream';
import { ZipArchive } from 'archiver';

export type XlsxCell = string | number | null;

/** A sheet: its name (≤ 31 characters, no `[]:*?/\`), optional column widths, and its rows as they come. */
export interface XlsxSheet {
  name: string;
  widths?: number[];
  /** Rows, or pages of rows; the first row is shown in bold (a header). */
  rows: AsyncIterable<XlsxCell[][]> | Iterable<XlsxCell[][]>;
}

/** Characters XML 1.0 forbids (control characters, lone surrogates, U+FFFE/U+FFFF): dropped, a free text may hold them. */
// eslint-disable-next-line no-control-regex
const NOT_XML =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Text for an XML text node or attribute. */
export const xmlText = (s: string) =>
  s.replace(NOT_XML, '').replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

/** The spreadsheet name of a column (0 → A, 26 → AA). */
export function columnName(i: number): string {
  let s = '';
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** One row's XML; style 1 is the bold header. */
function rowXml(cells: XlsxCell[], r: number, style: 0 | 1): string {
  let xml = `<row r="${r}">`;
  const s = style ? ' s="1"' : '';
  cells.forEach((v, i) => {
    if (v === null || v === '') return;
    const ref = `${columnName(i)}${r}`;
    xml +=
      typeof v === 'number' && Number.isFinite(v)
        ? `<c r="${ref}"${s}><v>${v}</v></c>`
        : `<c r="${ref}"${s} t="inlineStr"><is><t xml:space="preserve">${xmlText(String(v))}</t></is></c>`;
  });
  return `${xml}</row>`;
}

const HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const CHUNK = 64 * 1024;

/** A sheet's XML, a chunk of about 64 KB at a time, pulling rows only as the zip reads. */
async function* sheetXml(sheet: XlsxSheet): AsyncGenerator<Buffer> {
  let xml = `${HEAD}<worksheet xmlns="${MAIN}" xmlns:r="${REL}">`;
  if (sheet.widths?.length)
    xml += `<cols>${sheet.widths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join('')}</cols>`;
  xml += '<sheetData>';
  let r = 0;
  for await (const page of sheet.rows) {
    for (const cells of page) {
      r += 1;
      xml += rowXml(cells, r, r === 1 ? 1 : 0);
      if (xml.length >= CHUNK) {
        yield Buffer.from(xml);
        xml = '';
      }
    }
  }
  yield Buffer.from(`${xml}</sheetData></worksheet>`);
}

/** The fixed parts: content types, relationships, workbook, a stylesheet with a bold font, the creator. */
function fixedParts(names: string[], creator: string): Record<string, string> {
  const sheets = names.map((_, i) => i + 1);
  return {
    '[Content_Types].xml':
      `${HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
      '<Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
      sheets
        .map(
          (n) =>
            `<Override PartName="/xl/worksheets/sheet${n}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
        )
        .join('') +
      '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
      '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>' +
      '</Types>',
    '_rels/.rels':
      `${HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
      `<Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/>` +
      '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>' +
      '</Relationships>',
    'docProps/core.xml':
      `${HEAD}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ` +
      'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
      `<dc:creator>${xmlText(creator)}</dc:creator>` +
      `<dcterms:created xsi:type="dcterms:W3CDTF">${new Date().toISOString().replace(/\.\d+Z$/, 'Z')}</dcterms:created>` +
      '</cp:coreProperties>',
    'xl/workbook.xml':
      `${HEAD}<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets>` +
      names.map((name, i) => `<sheet name="${xmlText(name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('') +
      '</sheets></workbook>',
    'xl/_rels/workbook.xml.rels':
      `${HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
      sheets.map((n) => `<Relationship Id="rId${n}" Type="${REL}/worksheet" Target="worksheets/sheet${n}.xml"/>`).join('') +
      `<Relationship Id="rId${names.length + 1}" Type="${REL}/styles" Target="styles.xml"/>` +
      '</Relationships>',
    'xl/styles.xml':
      `${HEAD}<styleSheet xmlns="${MAIN}">` +
      '<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts>' +
      '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
      '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
      '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
      '<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' +
      '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs>' +
      '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
      '</styleSheet>',
  };
}

/**
 * The workbook as a stream. The zip writes its entries one after the other
 * and reads each sheet's generator only as fast as its output is consumed; an
 * error in a generator destroys the returned stream, and destroying the
 * returned stream stops the generators.
 */
export function xlsxStream(sheets: XlsxSheet[], creator = 'Maillage'): Readable {
  const zip = new ZipArchive({ zlib: { level: 6 } });
  const fixed = fixedParts(
    sheets.map((s) => s.name),
    creator,
  );
  for (const name of [
    '[Content_Types].xml',
    '_rels/.rels',
    'docProps/core.xml',
    'xl/workbook.xml',
    'xl/_rels/workbook.xml.rels',
    'xl/styles.xml',
  ])
    zip.append(fixed[name]!, { name });
  const sources = sheets.map((sheet, i) => {
    const source = Readable.from(sheetXml(sheet), { objectMode: false });
    source.on('error', (err) => zip.destroy(err));
    zip.append(source, { name: `xl/worksheets/sheet${i + 1}.xml` });
    return source;
  });
  // A download cut short destroys the zip: stop the sheets' generators too, so none stays parked on its
  // next page (their `finally` runs, the rows they hold go).
  zip.on('close', () => sources.forEach((s) => s.destroy()));
  zip.on('warning', (err) => zip.destroy(err));
  void zip.finalize().catch((err) => zip.destroy(err));
  return zip;
}
