import ExcelJS from 'exceljs';
import { Readable } from 'node:stream';
import { contentDisposition } from '../http/content-disposition';
import { inBatches, xlsxStream } from './xlsx-export';

async function collect(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

describe('xlsx export', () => {
  it('streams every sheet with a header row and the rows of its source', async () => {
    let fetches = 0;
    const numbers = inBatches<number, number>(async (after) => {
      fetches++;
      const start = (after ?? 0) + 1;
      return start > 2500 ? [] : Array.from({ length: Math.min(1000, 2501 - start) }, (_, i) => start + i);
    }, (n) => n);
    const buffer = await collect(
      xlsxStream({
        title: '测试台账',
        sheets: [
          { name: '数字/汇总', columns: [{ header: '序号', value: (n: number) => n }, { header: '平方', value: (n: number) => n * n }], rows: () => numbers },
          { name: '说明', columns: [{ header: '项目', value: (r: { name: string | null }) => r.name }], rows: () => [{ name: '福田花园' }, { name: null }] },
        ],
      }),
    );
    expect(fetches).toBe(4);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
    const [first, second] = workbook.worksheets;
    expect(first.name).toBe('数字 汇总');
    expect(first.getRow(1).values).toEqual([undefined, '序号', '平方']);
    expect(first.rowCount).toBe(2501);
    expect(first.getRow(2501).values).toEqual([undefined, 2500, 6_250_000]);
    expect(second.getRow(2).getCell(1).value).toBe('福田花园');
    expect(second.getRow(3).getCell(1).value).toBeNull();
  });

  it('ends the stream with the error when a source fails half-way', async () => {
    async function* failing() {
      yield 1;
      throw new Error('database went away');
    }
    const stream = xlsxStream({ sheets: [{ name: 'x', columns: [{ header: 'n', value: (n: number) => n }], rows: failing }] });
    await expect(collect(stream)).rejects.toThrow('database went away');
  });

  it('names the download in UTF-8 with an ASCII fallback', () => {
    expect(contentDisposition('安全检查台账.xlsx')).toBe(
      `attachment; filename="______.xlsx"; filename*=UTF-8''${encodeURIComponent('安全检查台账.xlsx')}`,
    );
  });
});
