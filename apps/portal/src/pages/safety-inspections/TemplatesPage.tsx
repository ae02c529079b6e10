import { PlusOutlined } from '@ant-design/icons';
import { ModalForm, PageContainer, ProFormText, ProTable, type ActionType, type ProColumns } from '@ant-design/pro-components';
import { ModuleKey, SAFETY_CHECK_KIND_LABELS, SafetyCheckKind, type SafetyTemplateListItem } from '@szpm/contract';
import { Button, message, Popconfirm, Tag } from 'antd';
import { useRef } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { api, errorMessage } from '../../api';
import { mayEditTemplate } from '../../logic/inspections';
import { canOperate, isCityRole } from '../../logic/notices';
import { useSession } from '../../session';
import { LIST_TABLE_DEFAULTS } from '../../list-table';

/** 复制到本区: a district adapts a city-wide template in a copy of its own. */
function CopyDialog({ template, onCopied }: { template: SafetyTemplateListItem; onCopied: (id: number) => void }) {
  return (
    <ModalForm<{ name: string }>
      title="复制到本区检查库"
      width={480}
      modalProps={{ destroyOnClose: true }}
      initialValues={{ name: template.name }}
      trigger={
        <Button type="link" size="small" aria-label={`复制 ${template.name}`}>
          复制
        </Button>
      }
      onFinish={async ({ name }) => {
        try {
          const copy = await api.safety.copyTemplate(template.id, { name: name.trim() });
          message.success('已复制到本区检查库');
          onCopied(copy.id);
          return true;
        } catch (e) {
          message.error(errorMessage(e));
          return false;
        }
      }}
    >
      <ProFormText name="name" label="副本名称" rules={[{ required: true, whitespace: true, message: '请输入副本名称' }, { max: 128, message: '名称不能超过128个字' }]} />
    </ModalForm>
  );
}

/** 安全生产检查库: the city-wide templates and the district's own, routine and special checks. */
export default function TemplatesPage() {
  const { me } = useSession();
  const navigate = useNavigate();
  const table = useRef<ActionType>();
  const operate = canOperate(me?.modules, ModuleKey.SAFETY_INSPECTIONS);
  const actor = { districtId: me?.districtId ?? null, city: isCityRole(me?.role) };

  const remove = async (template: SafetyTemplateListItem) => {
    try {
      await api.safety.deleteTemplate(template.id);
      message.success(`已删除“${template.name}”`);
      table.current?.reload();
    } catch (e) {
      message.error(errorMessage(e));
    }
  };

  const columns: ProColumns<SafetyTemplateListItem>[] = [
    { title: '模板名称', dataIndex: 'search', hideInTable: true, fieldProps: { placeholder: '名称包含' } },
    { title: '检查类型', dataIndex: 'kind', valueType: 'select', valueEnum: Object.fromEntries(Object.values(SafetyCheckKind).map((k) => [k, { text: SAFETY_CHECK_KIND_LABELS[k] }])), hideInTable: true },
    {
      title: '模板名称',
      dataIndex: 'name',
      search: false,
      width: 320,
      render: (_, row) => (
        <Link to={`/safety-inspections/templates/${row.id}`} aria-label={`打开 ${row.name}`}>
          {row.name}
        </Link>
      ),
    },
    { title: '检查类型', dataIndex: 'kindLabel', search: false, width: 100 },
    { title: '适用范围', dataIndex: 'districtId', search: false, width: 110, render: (_, row) => (row.districtId === null ? <Tag color="blue">全市通用</Tag> : <Tag>本区</Tag>) },
    { title: '检查指标', dataIndex: 'indicatorCount', search: false, width: 90, align: 'right' },
    { title: '检查子项', dataIndex: 'subItemCount', search: false, width: 90, align: 'right' },
    { title: '版本', dataIndex: 'version', search: false, width: 70, align: 'right' },
    { title: '更新时间', dataIndex: 'updatedAt', valueType: 'dateTime', search: false, width: 170 },
    {
      title: '操作',
      valueType: 'option',
      fixed: 'right',
      width: 200,
      render: (_, row) => {
        const editable = operate && mayEditTemplate(row, actor);
        return [
          <Link key="open" to={`/safety-inspections/templates/${row.id}`} aria-label={`${editable ? '编辑' : '查看'} ${row.name}`}>
            {editable ? '编辑' : '查看'}
          </Link>,
          ...(operate && !actor.city && row.districtId === null ? [<CopyDialog key="copy" template={row} onCopied={(id) => navigate(`/safety-inspections/templates/${id}`)} />] : []),
          ...(editable
            ? [
                <Popconfirm
                  key="delete"
                  title={`删除“${row.name}”？`}
                  description="删除后不能恢复；已发起的安全检查不受影响。"
                  okText="删除"
                  okButtonProps={{ danger: true }}
                  cancelText="取消"
                  onConfirm={() => void remove(row)}
                >
                  <Button type="link" size="small" danger aria-label={`删除 ${row.name}`}>
                    删除
                  </Button>
                </Popconfirm>,
              ]
            : []),
        ];
      },
    },
  ];

  return (
    <PageContainer title="安全生产检查库">
      <ProTable<SafetyTemplateListItem, { search?: string; kind?: SafetyCheckKind }>
        actionRef={table}
        rowKey="id"
        columns={columns}
        {...LIST_TABLE_DEFAULTS}
        toolBarRender={() =>
          operate
            ? [
                <Button key="new" type="primary" icon={<PlusOutlined />} onClick={() => navigate('/safety-inspections/templates/new')}>
                  新增
                </Button>,
              ]
            : []
        }
        request={async ({ search, kind }) => {
          try {
            const rows = await api.safety.templates({ search: search || undefined, kind: kind || undefined });
            return { data: rows, total: rows.length, success: true };
          } catch (e) {
            message.error(errorMessage(e));
            return { data: [], total: 0, success: false };
          }
        }}
      />
    </PageContainer>
  );
}
