import { PlusOutlined } from '@ant-design/icons';
import { ModalForm, PageContainer, ProFormDigit, ProFormText, ProTable, type ActionType, type ProColumns } from '@ant-design/pro-components';
import type { NoticeTypeView } from '@szpm/contract';
import { Button, message, Popconfirm, Tag } from 'antd';
import { useRef } from 'react';
import { api, errorMessage } from '../../api';
import { listRequest } from '../../list-table';

interface TypeForm {
  name: string;
  sortOrder?: number;
}

/** The 新增 / 编辑 dialog of a notice type; answers whether it saved. */
function TypeDialog({ type, onSaved }: { type?: NoticeTypeView; onSaved: () => void }) {
  return (
    <ModalForm<TypeForm>
      title={type ? '编辑通知类型' : '新增通知类型'}
      width={420}
      modalProps={{ destroyOnClose: true }}
      initialValues={type ? { name: type.name, sortOrder: type.sortOrder } : undefined}
      trigger={
        type ? (
          <Button type="link" size="small" aria-label={`编辑 ${type.name}`}>
            编辑
          </Button>
        ) : (
          <Button type="primary" icon={<PlusOutlined />}>
            新增
          </Button>
        )
      }
      onFinish={async (values) => {
        try {
          if (type) await api.notices.updateType(type.id, { name: values.name.trim(), sortOrder: values.sortOrder });
          else await api.notices.createType({ name: values.name.trim(), sortOrder: values.sortOrder });
          message.success('已保存');
          onSaved();
          return true;
        } catch (e) {
          message.error(errorMessage(e));
          return false;
        }
      }}
    >
      <ProFormText name="name" label="类型名称" placeholder="如：防汛防台风" rules={[{ required: true, whitespace: true, message: '请输入类型名称' }, { max: 32, message: '类型名称不能超过32个字' }]} />
      <ProFormDigit name="sortOrder" label="排序" min={0} fieldProps={{ precision: 0 }} placeholder="不填则排在最后" />
    </ModalForm>
  );
}

/** 通知类型 (city admin): the list notices are published under; disabled types stay on published notices. */
export default function NoticeTypesPage() {
  const table = useRef<ActionType>();
  const reload = () => table.current?.reload();

  const toggle = async (type: NoticeTypeView) => {
    try {
      await api.notices.updateType(type.id, { enabled: !type.enabled });
      message.success(type.enabled ? `已停用“${type.name}”` : `已启用“${type.name}”`);
      reload();
    } catch (e) {
      message.error(errorMessage(e));
    }
  };

  const columns: ProColumns<NoticeTypeView>[] = [
    { title: '排序', dataIndex: 'sortOrder', width: 80 },
    { title: '类型名称', dataIndex: 'name', width: 240 },
    { title: '状态', dataIndex: 'enabled', width: 100, render: (_, row) => (row.enabled ? <Tag color="success">启用</Tag> : <Tag>已停用</Tag>) },
    {
      title: '操作',
      valueType: 'option',
      width: 160,
      render: (_, row) => [
        <TypeDialog key="edit" type={row} onSaved={reload} />,
        <Popconfirm
          key="toggle"
          title={row.enabled ? `停用“${row.name}”？` : `启用“${row.name}”？`}
          description={row.enabled ? '停用后不能再用此类型发布通知，已发布的通知不受影响。' : undefined}
          okText={row.enabled ? '停用' : '启用'}
          cancelText="取消"
          onConfirm={() => void toggle(row)}
        >
          <Button type="link" size="small" danger={row.enabled} aria-label={`${row.enabled ? '停用' : '启用'} ${row.name}`}>
            {row.enabled ? '停用' : '启用'}
          </Button>
        </Popconfirm>,
      ],
    },
  ];

  return (
    <PageContainer title="通知类型">
      <ProTable<NoticeTypeView>
        actionRef={table}
        rowKey="id"
        columns={columns}
        search={false}
        pagination={false}
        scroll={{ x: 'max-content' }}
        options={{ reload: true, density: false, setting: false }}
        toolBarRender={() => [<TypeDialog key="new" onSaved={reload} />]}
        request={listRequest(() => api.notices.types({ includeDisabled: true }))}
      />
    </PageContainer>
  );
}
