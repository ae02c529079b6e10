import { PageContainer, ProTable, type ProColumns } from '@ant-design/pro-components';
import { AUDIT_LOG_DEFAULT_DAYS, type AuditLogItem } from '@szpm/contract';
import { Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { api } from '../../api';
import { LIST_TABLE_DEFAULTS, pagedRequest } from '../../list-table';

interface AuditFilters {
  actor?: string;
  action?: string;
  targetType?: string;
  targetId?: string;
  outcome?: AuditLogItem['outcome'];
  days?: [Dayjs | string, Dayjs | string];
}

const OUTCOMES: Record<AuditLogItem['outcome'], { text: string; color: string }> = {
  succeeded: { text: '成功', color: 'green' },
  refused: { text: '被拒绝', color: 'red' },
  failed: { text: '失败', color: 'orange' },
};

const day = (value: Dayjs | string) => (typeof value === 'string' ? value.slice(0, 10) : value.format('YYYY-MM-DD'));

/** 审计日志 (city admins): every write through the api, refused ones too, by actor, action, target, outcome and date. */
export default function AuditLogPage() {
  const [covered, setCovered] = useState<{ from: string; to: string } | null>(null);

  const columns: ProColumns<AuditLogItem>[] = [
    { title: '时间', dataIndex: 'createdAt', valueType: 'dateTime', search: false, width: 170 },
    { title: '日期', dataIndex: 'days', valueType: 'dateRange', hideInTable: true, fieldProps: { 'aria-label': '日期范围' } },
    {
      title: '操作人',
      dataIndex: 'actor',
      width: 160,
      fieldProps: { placeholder: '账号ID、姓名或用户名', 'aria-label': '操作人' },
      render: (_, row) =>
        row.actorId === null ? (
          <Typography.Text type="secondary">未登录</Typography.Text>
        ) : (
          <span>
            {row.actorName ?? `#${row.actorId}`}
            {row.actorUsername && <Typography.Text type="secondary">（{row.actorUsername}）</Typography.Text>}
            {row.onBehalfOfId !== null && <div>代 {row.onBehalfOfName ?? `#${row.onBehalfOfId}`} 办理</div>}
          </span>
        ),
    },
    { title: '操作', dataIndex: 'action', width: 220, fieldProps: { placeholder: '如 admin.add-grant', 'aria-label': '操作' }, render: (_, row) => <Typography.Text code>{row.action}</Typography.Text> },
    { title: '对象类型', dataIndex: 'targetType', width: 140, fieldProps: { placeholder: '如 account', 'aria-label': '对象类型' }, render: (_, row) => row.targetType ?? '-' },
    { title: '对象ID', dataIndex: 'targetId', width: 100, fieldProps: { 'aria-label': '对象ID' }, render: (_, row) => row.targetId ?? '-' },
    { title: '结果', dataIndex: 'outcome', valueType: 'select', width: 100, valueEnum: Object.fromEntries(Object.entries(OUTCOMES).map(([k, v]) => [k, { text: v.text }])), render: (_, row) => <Tag color={OUTCOMES[row.outcome].color}>{OUTCOMES[row.outcome].text}</Tag> },
    { title: '状态码', dataIndex: 'statusCode', search: false, width: 80 },
    { title: '错误代码', dataIndex: 'errorCode', search: false, width: 220, render: (_, row) => row.errorCode ?? '-' },
    { title: '请求', dataIndex: 'path', search: false, width: 320, render: (_, row) => `${row.method} ${row.path}` },
    { title: '来源IP', dataIndex: 'ip', search: false, width: 130, render: (_, row) => row.ip ?? '-' },
    { title: '请求编号', dataIndex: 'requestId', search: false, width: 300, copyable: true },
  ];

  return (
    <PageContainer content={covered ? `查询范围：${covered.from} 至 ${covered.to}（不选日期时为最近${AUDIT_LOG_DEFAULT_DAYS}天），最新的在前。` : `不选日期时查询最近${AUDIT_LOG_DEFAULT_DAYS}天，最新的在前。`}>
      <ProTable<AuditLogItem, AuditFilters>
        rowKey="id"
        columns={columns}
        {...LIST_TABLE_DEFAULTS}
        search={{ ...LIST_TABLE_DEFAULTS.search, defaultCollapsed: false }}
        request={pagedRequest(async ({ current, pageSize, actor, action, targetType, targetId, outcome, days }) => {
          const page = await api.admin.auditLogs({
            page: current,
            pageSize,
            actor: actor || undefined,
            action: action || undefined,
            targetType: targetType || undefined,
            targetId: targetId || undefined,
            outcome: outcome || undefined,
            from: days ? day(days[0]) : undefined,
            to: days ? day(days[1]) : undefined,
          });
          setCovered({ from: page.from, to: page.to });
          return page;
        })}
      />
    </PageContainer>
  );
}
