import { expect } from 'chai';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import ExcelJS from 'exceljs';
import { columnName, xlsxStream, type XlsxCell } from '../../server/xlsx';

/** Collects a stream into one buffer. */
async function bytesOf(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const parts: Buffer[] = [];
  await pipeline(
    stream,
    new Writable({
      write(chunk, _e, cb) {
        parts.push(chunk);
        cb();
      },
    }),
  );
  return Buffer.concat(parts);
}

describe('xlsx: the streaming spreadsheet writer', () => {
  it('names columns as a spreadsheet does', () => {
    expect([0, 25, 26, 27, 51, 52, 701, 702].map(columnName)).to.deep.equal(['A', 'Z', 'AA', 'AB', 'AZ', 'BA', 'ZZ', 'AAA']);
  });

  it('writes sheets that ExcelJS reads back: numbers, text with markup characters, control characters dropped, empty cells', async () => {
    const rows: XlsxCell[][] = [
      ['Nom', 'Nombre', 'Note'],
      ['<b>Tom & "Jerry"</b>', 3, 'ligne\u0001 sans\u000b contrôle'],
      ['=HYPERLINK("x")', 2.5, null],
      ['émoji 🎉 et accents', 0, ''],
    ];
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(
      (await bytesOf(
        xlsxStream([
          { name: 'Données', widths: [30, 10], rows: [rows] },
          {
            name: 'Synthèse',
            rows: (async function* () {
              yield [['Total', 5]];
            })(),
          },
        ]),
      )) as any,
    );
    expect(wb.worksheets.map((w) => w.name)).to.deep.equal(['Données', 'Synthèse']);
    const sheet = wb.getWorksheet('Données')!;
    expect(sheet.getRow(2).values).to.deep.equal([undefined, '<b>Tom & "Jerry"</b>', 3, 'ligne sans contrôle']);
    // A string that looks like a formula stays a string: never evaluated.
    expect(sheet.getRow(3).getCell(1).value).to.equal('=HYPERLINK("x")');
    expect(sheet.getRow(3).getCell(2).value).to.equal(2.5);
    expect(sheet.getRow(4).getCell(1).value).to.equal('émoji 🎉 et accents');
    expect(sheet.getRow(4).getCell(3).value).to.equal(null);
    expect(sheet.getColumn(1).width).to.equal(30);
    expect(sheet.getRow(1).getCell(1).font?.bold).to.equal(true);
    expect(wb.getWorksheet('Synthèse')!.getRow(1).values).to.deep.equal([undefined, 'Total', 5]);
  });

  it('reads rows only as fast as the output is consumed (back-pressure, flat memory)', async () => {
    let pulled = 0;
    const pages = 600;
    async function* rows(): AsyncGenerator<XlsxCell[][]> {
      for (let p = 0; p < pages; p++) {
        pulled += 1;
        // Random text deflates poorly, so the zip's buffers fill quickly.
        yield Array.from({ length: 100 }, () => [Math.random().toString(36).repeat(4), Math.random()]);
      }
    }
    const stream = xlsxStream([{ name: 'Lignes', rows: rows() }]);
    // Nobody reads: once the buffers between the generator and the output are full, the generator must wait.
    for (let i = 0; i < 200; i++) await new Promise((r) => setImmediate(r));
    const whileIdle = pulled;
    expect(whileIdle).to.be.greaterThan(0);
    expect(whileIdle).to.be.lessThan(50);
    // Reading lets it run to the end, and the file holds every row.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await bytesOf(stream)) as any);
    expect(pulled).to.equal(pages);
    expect(wb.getWorksheet('Lignes')!.rowCount).to.equal(pages * 100);
  });

  it("an error in a sheet's rows fails the stream instead of ending a truncated file", async () => {
    async function* rows(): AsyncGenerator<XlsxCell[][]> {
      yield [['a']];
      throw new Error('base de données indisponible');
    }
    let failed: Error | null = null;
    try {
      await bytesOf(xlsxStream([{ name: 'Lignes', rows: rows() }]));
    } catch (err) {
      failed = err as Error;
    }
    expect(failed?.message).to.equal('base de données indisponible');
  });

  it('a download cut short stops reading rows (the generator is closed)', async () => {
    let pulled = 0;
    let closed = false;
    async function* rows(): AsyncGenerator<XlsxCell[][]> {
      try {
        for (let p = 0; p < 10_000; p++) {
          pulled += 1;
          yield Array.from({ length: 100 }, () => [Math.random().toString(36).repeat(4)]);
        }
      } finally {
        closed = true;
      }
    }
    const stream = xlsxStream([{ name: 'Lignes', rows: rows() }]);
    await new Promise<void>((resolve) => {
      let chunks = 0;
      stream.on('data', () => {
        chunks += 1;
        if (chunks === 3) {
          stream.destroy();
          resolve();
        }
      });
    });
    for (let i = 0; i < 50 && !closed; i++) await new Promise((r) => setImmediate(r));
    expect(closed).to.equal(true);
    expect(pulled).to.be.lessThan(10_000);
  });
});
