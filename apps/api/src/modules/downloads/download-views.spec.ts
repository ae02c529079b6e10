import { DownloadStatus } from '@szpm/contract';
import { downloadFileName, downloadProgress } from './download-views';

describe('download progress', () => {
  it('is the share of rows written, 0 while the total is unknown, 100 once done', () => {
    expect(downloadProgress({ status: DownloadStatus.RUNNING, rowsWritten: 250, rowsTotal: 1000 })).toBe(25);
    expect(downloadProgress({ status: DownloadStatus.RUNNING, rowsWritten: 1, rowsTotal: 3 })).toBe(33.33);
    expect(downloadProgress({ status: DownloadStatus.RUNNING, rowsWritten: 500, rowsTotal: null })).toBe(0);
    expect(downloadProgress({ status: DownloadStatus.QUEUED, rowsWritten: 0, rowsTotal: 0 })).toBe(0);
    expect(downloadProgress({ status: DownloadStatus.DONE, rowsWritten: 7, rowsTotal: null })).toBe(100);
  });

  it('never passes 100 when a producer writes more rows than it announced', () => {
    expect(downloadProgress({ status: DownloadStatus.RUNNING, rowsWritten: 1200, rowsTotal: 1000 })).toBe(100);
  });
});

describe('download file name', () => {
  it('ends in .xlsx once, keeps Chinese, replaces path separators and control characters', () => {
    expect(downloadFileName('纠纷化解台账')).toBe('纠纷化解台账.xlsx');
    expect(downloadFileName('纠纷化解台账.xlsx')).toBe('纠纷化解台账.xlsx');
    expect(downloadFileName('../福田/台账\n')).toBe('.._福田_台账.xlsx');
    expect(downloadFileName('   ')).toBe('导出.xlsx');
  });

  it('fits the 200-character column', () => {
    expect([...downloadFileName('台'.repeat(300))].length).toBe(200);
  });
});
