import { PlusOutlined } from '@ant-design/icons';
import { PageContainer, ProTable, type ProColumns } from '@ant-design/pro-components';
import { ModuleKey, rate, type NoticeTypeView, type SentNoticeMessage } from '@szpm/contract';
import { Button, Checkbox, message, Tag } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { api, errorMessage } from '../../api';
import { canOperate } from '../../logic/notices';
import { useSession } from '../../session';
import { LIST_TABLE_DEFAULTS, pagedRequest } from '../../list-table';

interface SentFilters {
  search?: string;
  noticeTypeId?: number;
  urgeOnly?: boolean;
  mine?: boolean;
}

/** 部门已发消息: the notices of the bureau and their 催办, newest first; 显示催办 lists only the 催办. */
export default function SentNoticesPage() {
  const { me } = useSession();
  const navigate = useNavigate();
  const [types, setTypes] = useState<NoticeTypeView[]>([]);
  useEffect(() => {
    api.notices.types({ includeDisabled: true }).then(setTypes, (e) => message.error(errorMessage(e)));
  }, []);
  const typeOptions = useMemo(() => Object.fromEntries(types.map((t) => [t.id, { text: t.name }])), [types]);

  const columns: ProColumns<SentNoticeMessage>[] = [
    { title: '标题', dataIndex: 'search', hideInTable: true, fieldProps: { placeholder: '标题包含' } },
    { title: '通知类型', dataIndex: 'noticeTypeId', valueType: 'select', valueEnum: typeOptions, hideInTable: true },
    // 勾选“显示催办”: only the 催办 messages
    { title: '显示催办', dataIndex: 'urgeOnly', hideInTable: true, formItemProps: { valuePropName: 'checked' }, renderFormItem: () => <Checkbox aria-label="显示催办">只显示催办</Checkbox> },
    { title: '发送人', dataIndex: 'mine', hideInTable: true, formItemProps: { valuePropName: 'checked' }, renderFormItem: () => <Checkbox aria-label="只看我发出的">只看我发出的</Checkbox> },
    {
      title: '标题',
      dataIndex: 'title',
      search: false,
      width: 320,
      ellipsis: true,
      render: (_, row) => (
        <Link to={`/notices/sent/${row.noticeId}`} aria-label={`查看 ${row.title}`}>
          {row.title}
        </Link>
      ),
    },
    { title: '消息', dataIndex: 'kind', search: false, width: 80, render: (_, row) => (row.kind === 'URGE' ? <Tag color="orange">催办</Tag> : <Tag color="blue">通知</Tag>) },
    { title: '通知类型', dataIndex: 'noticeTypeName', search: false, width: 120 },
    { title: '发送人', dataIndex: 'senderName', search: false, width: 100, render: (_, row) => row.senderName ?? '-' },
    { title: '接收人数', dataIndex: 'recipients', search: false, width: 90, align: 'right' },
    { title: '已读', dataIndex: 'read', search: false, width: 80, align: 'right' },
    { title: '未读', dataIndex: 'unread', search: false, width: 80, align: 'right' },
    { title: '阅读率', key: 'rate', search: false, width: 90, align: 'right', render: (_, row) => `${rate(row.read, row.recipients)}%` },
    { title: '发送时间', dataIndex: 'createdAt', valueType: 'dateTime', search: false, width: 170 },
    {
      title: '操作',
      valueType: 'option',
      fixed: 'right',
      width: 80,
      render: (_, row) => [
        <Link key="open" to={`/notices/sent/${row.noticeId}`} aria-label={`查看 ${row.title}的阅读情况`}>
          查看
        </Link>,
      ],
    },
  ];

  return (
    <PageContainer title="部门已发消息">
      <ProTable<SentNoticeMessage, SentFilters>
        rowKey="campaignId"
        columns={columns}
        {...LIST_TABLE_DEFAULTS}
        search={{ ...LIST_TABLE_DEFAULTS.search, defaultCollapsed: false }}
        toolBarRender={() => [
          <Button key="stats" onClick={() => navigate('/notices/statistics')}>
            查看全部统计
          </Button>,
          ...(canOperate(me?.modules, ModuleKey.NOTICES)
            ? [
                <Button key="publish" type="primary" icon={<PlusOutlined />} onClick={() => navigate('/notices/publish')}>
                  发布通知
                </Button>,
              ]
            : []),
        ]}
        request={pagedRequest(async ({ current, pageSize, search, noticeTypeId, urgeOnly, mine }) => {
          return api.notices.sent({
            page: current,
            pageSize,
            search: search || undefined,
            noticeTypeId: noticeTypeId ? Number(noticeTypeId) : undefined,
            urgeOnly: urgeOnly ? true : undefined,
            mine: mine ? true : undefined,
          });
        })}
      />
    </PageContainer>
  );
}
