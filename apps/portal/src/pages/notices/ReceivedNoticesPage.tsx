import { PageContainer, ProTable, type ActionType, type ProColumns } from '@ant-design/pro-components';
import type { ReceivedNoticeItem } from '@szpm/contract';
import { Button, Checkbox, message, Popconfirm, Tag } from 'antd';
import dayjs from 'dayjs';
import { useRef } from 'react';
import { Link } from 'react-router-dom';
import { api, errorMessage } from '../../api';
import { LIST_TABLE_DEFAULTS, pagedRequest } from '../../list-table';

/** 我接收的消息: the notices sent to this account, newest first, with read state and the last 催办. */
export default function ReceivedNoticesPage() {
  const table = useRef<ActionType>();

  const readAll = async () => {
    try {
      const { marked } = await api.notices.markAllReceivedRead();
      message.success(marked ? `已将 ${marked} 条通知标为已读` : '没有未读的通知');
      table.current?.reload();
    } catch (e) {
      message.error(errorMessage(e));
    }
  };

  const columns: ProColumns<ReceivedNoticeItem>[] = [
    { title: '只看未读', dataIndex: 'unreadOnly', hideInTable: true, formItemProps: { valuePropName: 'checked' }, renderFormItem: () => <Checkbox aria-label="只看未读">只看未读</Checkbox> },
    {
      title: '标题',
      dataIndex: 'title',
      search: false,
      width: 320,
      ellipsis: true,
      render: (_, row) => (
        <Link to={`/notices/received/${row.id}`} aria-label={`打开 ${row.title}`}>
          {row.title}
        </Link>
      ),
    },
    { title: '通知类型', dataIndex: 'noticeTypeName', search: false, width: 120 },
    { title: '发送单位', dataIndex: 'senderUnit', search: false, width: 180 },
    { title: '发送人', dataIndex: 'senderName', search: false, width: 100 },
    { title: '附件', dataIndex: 'attachmentCount', search: false, width: 70, align: 'right' },
    { title: '状态', key: 'readAt', search: false, width: 80, render: (_, row) => (row.readAt ? <Tag color="success">已读</Tag> : <Tag color="error">未读</Tag>) },
    { title: '最近催办', dataIndex: 'lastUrgedAt', search: false, width: 160, render: (_, row) => (row.lastUrgedAt ? dayjs(row.lastUrgedAt).format('YYYY-MM-DD HH:mm') : '-') },
    { title: '发送时间', dataIndex: 'createdAt', valueType: 'dateTime', search: false, width: 170 },
  ];

  return (
    <PageContainer title="我接收的消息">
      <ProTable<ReceivedNoticeItem, { unreadOnly?: boolean }>
        actionRef={table}
        rowKey="id"
        columns={columns}
        {...LIST_TABLE_DEFAULTS}
        toolBarRender={() => [
          <Popconfirm key="read-all" title="将全部通知标为已读？" okText="确定" cancelText="取消" onConfirm={() => void readAll()}>
            <Button>全部标为已读</Button>
          </Popconfirm>,
        ]}
        request={pagedRequest(async ({ current, pageSize, unreadOnly }) => {
          return api.notices.received({ page: current, pageSize, unreadOnly: unreadOnly ? true : undefined });
        })}
      />
    </PageContainer>
  );
}
