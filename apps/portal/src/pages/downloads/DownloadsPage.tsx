import { DownloadOutlined, ReloadOutlined } from '@ant-design/icons';
import { PageContainer, ProCard } from '@ant-design/pro-components';
import { DownloadErrorCode, DownloadStatus, type DownloadView } from '@szpm/contract';
import { Button, message, Progress, Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useCallback, useEffect, useState } from 'react';
import { ApiError, apiClient, errorMessage } from '../../api';
import { downloadFile } from '../../transfer';

/** While an export is queued or running the list is read again this often. */
const POLL_MS = 3000;

const STATUS_COLORS: Record<DownloadStatus, string> = {
  [DownloadStatus.QUEUED]: 'default',
  [DownloadStatus.RUNNING]: 'processing',
  [DownloadStatus.DONE]: 'success',
  [DownloadStatus.FAILED]: 'error',
  [DownloadStatus.EXPIRED]: 'warning',
};

const inProgress = (row: DownloadView) => row.status === DownloadStatus.QUEUED || row.status === DownloadStatus.RUNNING;

const time = (value: string | null) => (value ? new Date(value).toLocaleString('zh-CN', { hour12: false }) : '-');

/** 1.5 MB, 820 KB, 96 B */
export function fileSize(bytes: number | null): string {
  if (bytes === null) return '-';
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

function rowsOf(row: DownloadView): string {
  if (row.rowsTotal !== null && row.status !== DownloadStatus.DONE) return `${row.rowsWritten.toLocaleString('zh-CN')} / ${row.rowsTotal.toLocaleString('zh-CN')}`;
  return row.status === DownloadStatus.QUEUED ? '-' : row.rowsWritten.toLocaleString('zh-CN');
}

/**
 * 下载列表: the account's own background exports (文件正在生成，完成后可在下载列表下载), newest first, with
 * their progress while they are made; read again every 3 seconds while one is queued or running.
 */
export default function DownloadsPage() {
  const [rows, setRows] = useState<DownloadView[]>([]);
  const [loading, setLoading] = useState(true);
  const [fetching, setFetching] = useState<number | null>(null);

  const load = useCallback(async () => {
    try {
      setRows(await apiClient.get<DownloadView[]>('/downloads'));
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setLoading(false);
    }
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  const polling = rows.some(inProgress);
  useEffect(() => {
    if (!polling) return;
    const timer = setInterval(() => void load(), POLL_MS);
    return () => clearInterval(timer);
  }, [polling, load]);

  const fetchFile = async (row: DownloadView) => {
    setFetching(row.id);
    try {
      await downloadFile(`/downloads/${row.id}/file`, {}, row.fileName);
    } catch (e) {
      message.error(errorMessage(e));
      // expired (or failed) meanwhile: show the row as it now stands
      if (e instanceof ApiError && (e.code === DownloadErrorCode.EXPIRED || e.code === DownloadErrorCode.NOT_READY)) void load();
    } finally {
      setFetching(null);
    }
  };

  const columns: ColumnsType<DownloadView> = [
    { title: '文件名', dataIndex: 'fileName', ellipsis: true },
    {
      title: '状态',
      dataIndex: 'status',
      width: 220,
      render: (_, row) =>
        row.status === DownloadStatus.RUNNING ? (
          <Space direction="vertical" size={0} style={{ width: '100%' }}>
            <Tag color={STATUS_COLORS[row.status]}>{row.statusLabel}</Tag>
            <Progress percent={Math.floor(row.progress)} size="small" status="active" aria-label={`${row.fileName} 生成进度 ${Math.floor(row.progress)}%`} />
          </Space>
        ) : row.status === DownloadStatus.FAILED && row.error ? (
          <Tooltip title={row.error}>
            <Space direction="vertical" size={0}>
              <Tag color={STATUS_COLORS[row.status]}>{row.statusLabel}</Tag>
              <Typography.Text type="danger" style={{ fontSize: 12 }}>
                {row.error}
              </Typography.Text>
            </Space>
          </Tooltip>
        ) : (
          <Tag color={STATUS_COLORS[row.status]}>{row.statusLabel}</Tag>
        ),
    },
    { title: '行数', key: 'rows', width: 140, align: 'right', render: (_, row) => rowsOf(row) },
    { title: '大小', dataIndex: 'sizeBytes', width: 100, align: 'right', render: (_, row) => fileSize(row.sizeBytes) },
    { title: '创建时间', dataIndex: 'createdAt', width: 170, render: (_, row) => time(row.createdAt) },
    { title: '完成时间', dataIndex: 'finishedAt', width: 170, render: (_, row) => time(row.finishedAt) },
    { title: '过期时间', dataIndex: 'expiresAt', width: 170, render: (_, row) => (row.status === DownloadStatus.DONE ? time(row.expiresAt) : '-') },
    {
      title: '操作',
      key: 'action',
      width: 100,
      fixed: 'right',
      render: (_, row) =>
        row.status === DownloadStatus.DONE ? (
          <Button type="link" icon={<DownloadOutlined />} loading={fetching === row.id} onClick={() => void fetchFile(row)} aria-label={`下载 ${row.fileName}`}>
            下载
          </Button>
        ) : null,
    },
  ];

  return (
    <PageContainer>
      <ProCard
        title="我的导出文件"
        extra={
          <Button icon={<ReloadOutlined />} onClick={() => void load()}>
            刷新
          </Button>
        }
      >
        <Typography.Paragraph type="secondary">
          数据量较大的导出在后台生成，完成后可在此下载。文件保留一段时间后自动删除（见过期时间），过期后请重新导出。列表显示最近 50 个导出。
        </Typography.Paragraph>
        <Table<DownloadView> rowKey="id" columns={columns} dataSource={rows} loading={loading} pagination={false} scroll={{ x: 1100 }} locale={{ emptyText: '暂无导出文件' }} />
      </ProCard>
    </PageContainer>
  );
}
