import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import {
  ModalForm,
  ProCard,
  ProDescriptions,
  ProFormDatePicker,
  ProFormDigit,
  ProFormSelect,
  ProFormText,
  ProFormTextArea,
  ProFormTreeSelect,
  ProTable,
  type ActionType,
  type ProColumns,
} from '@ant-design/pro-components';
import {
  FACILITY_DUE_WITHIN_DAYS_DEFAULT,
  MAINTENANCE_CYCLE_LABELS,
  MAINTENANCE_KIND_LABELS,
  MaintenanceCycle,
  MaintenanceKind,
  type BuildingNode,
  type DueFacilityItem,
  type FacilityDetail,
  type FacilityItem,
  type FacilityMaintenanceView,
  type FacilityStatistics,
  type FacilityTypeNode,
} from '@szpm/contract';
import { Button, Col, Drawer, Form, message, Popconfirm, Row, Skeleton, Space, Statistic, Table, Tag } from 'antd';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { errorMessage } from '../../api';
import { LIST_TABLE_DEFAULTS, pagedRequest } from '../../list-table';
import { downloadFile } from '../../transfer';
import { XlsxImportButton } from '../../components/XlsxImportButton';
import { AttachmentUpload } from '../evaluation/components';
import { facilitiesApi, areasApi } from './endpoints';
import { dueLabel, facilityBody, facilityListQuery, maintenanceBody, type FacilityFormValues, type FacilitySearchValues } from './logic';

const cycleOptions = Object.values(MaintenanceCycle).map((c) => ({ value: c, label: MAINTENANCE_CYCLE_LABELS[c] }));
const kindOptions = Object.values(MaintenanceKind).map((k) => ({ value: k, label: MAINTENANCE_KIND_LABELS[k] }));

interface TypeOption {
  value: number;
  title: string;
  disabled?: boolean;
  children?: TypeOption[];
}
const typeOptions = (nodes: readonly FacilityTypeNode[]): TypeOption[] =>
  nodes.map((n) => ({ value: n.id, title: n.name, disabled: !n.enabled, children: n.children.length ? typeOptions(n.children) : undefined }));
function flatten(nodes: readonly FacilityTypeNode[], into = new Map<number, FacilityTypeNode>()): Map<number, FacilityTypeNode> {
  for (const n of nodes) {
    into.set(n.id, n);
    flatten(n.children, into);
  }
  return into;
}

const place = (f: Pick<FacilityItem, 'buildingName' | 'unitName' | 'position'>) => [f.buildingName, f.unitName, f.position].filter(Boolean).join(' / ') || '物业区域';

/**
 * 设施设备信息: the area's facility ledger with 添加 / 修改 / 删除 / 启用·停用, each facility's 维修保养记录,
 * 设施设备统计 per type, and the xlsx 模板下载 / 导入 (checked first: the dry run's row errors are shown,
 * and only a clean file may be imported) / 导出.
 */
export function FacilitiesTab({ areaId, areaName, operate }: { areaId: number; areaName: string; operate: boolean }) {
  const table = useRef<ActionType>();
  const [types, setTypes] = useState<FacilityTypeNode[]>([]);
  const [buildings, setBuildings] = useState<BuildingNode[]>([]);
  const [stats, setStats] = useState<FacilityStatistics | null>(null);
  const [editing, setEditing] = useState<FacilityItem | 'new' | null>(null);
  const [viewing, setViewing] = useState<number | null>(null);

  const loadStats = useCallback(() => {
    facilitiesApi.statistics(areaId).then(setStats, (e) => message.error(errorMessage(e)));
  }, [areaId]);
  useEffect(() => {
    facilitiesApi.types().then(setTypes, (e) => message.error(errorMessage(e)));
    areasApi.buildings(areaId).then(setBuildings, () => setBuildings([]));
    loadStats();
  }, [areaId, loadStats]);
  const reload = () => {
    table.current?.reload();
    loadStats();
  };
  const typeById = useMemo(() => flatten(types), [types]);
  const withinDays = stats?.withinDays ?? FACILITY_DUE_WITHIN_DAYS_DEFAULT;

  const act = async (done: string, run: () => Promise<unknown>) => {
    try {
      await run();
      message.success(done);
      reload();
    } catch (e) {
      message.error(errorMessage(e));
    }
  };

  const columns: ProColumns<FacilityItem>[] = [
    { title: '设备名称', dataIndex: 'search', hideInTable: true, fieldProps: { placeholder: '名称、注册代码或位置' } },
    { title: '设施设备类型', dataIndex: 'typeId', hideInTable: true, valueType: 'treeSelect', fieldProps: { treeData: typeOptions(types), allowClear: true, treeDefaultExpandAll: false, placeholder: '全部类型' } },
    { title: '启用状态', dataIndex: 'enabled', hideInTable: true, valueType: 'select', valueEnum: { true: { text: '启用' }, false: { text: '停用' } } },
    {
      title: '设备名称',
      dataIndex: 'name',
      search: false,
      width: 180,
      ellipsis: true,
      render: (_, row) => (
        <Button type="link" size="small" style={{ padding: 0 }} onClick={() => setViewing(row.id)} aria-label={`查看 ${row.name}`}>
          {row.name}
        </Button>
      ),
    },
    { title: '类型', dataIndex: 'facilityTypePath', search: false, width: 220, render: (_, row) => (row.isSpecialEquipment ? <Space size={4}>{row.facilityTypePath}<Tag color="orange">特种设备</Tag></Space> : row.facilityTypePath) },
    { title: '所属对象 / 位置', key: 'place', search: false, width: 180, ellipsis: true, render: (_, row) => place(row) },
    { title: '数量', dataIndex: 'quantity', search: false, width: 70, align: 'right' },
    { title: '注册代码', dataIndex: 'registerNumber', search: false, width: 200, render: (_, row) => row.registerNumber ?? '-' },
    {
      title: '到期日期',
      dataIndex: 'dueDate',
      search: false,
      width: 170,
      render: (_, row) => {
        const due = dueLabel(row.dueDate, withinDays);
        return (
          <Space size={4}>
            {row.dueDate ?? '-'}
            {due && <Tag color={due.overdue ? 'error' : 'warning'}>{due.text}</Tag>}
          </Space>
        );
      },
    },
    { title: '维保周期', dataIndex: 'maintenanceCycleLabel', search: false, width: 90, render: (_, row) => row.maintenanceCycleLabel ?? '-' },
    { title: '责任人', dataIndex: 'personLiable', search: false, width: 90, render: (_, row) => row.personLiable ?? '-' },
    { title: '状态', dataIndex: 'enabled', search: false, width: 80, render: (_, row) => <Tag color={row.enabled ? 'success' : 'default'}>{row.enabled ? '启用' : '停用'}</Tag> },
    {
      title: '操作',
      valueType: 'option',
      fixed: 'right',
      width: operate ? 230 : 70,
      render: (_, row) => [
        <Button key="view" type="link" size="small" onClick={() => setViewing(row.id)} aria-label={`维护记录 ${row.name}`}>
          维护
        </Button>,
        ...(operate
          ? [
              <Button key="edit" type="link" size="small" onClick={() => setEditing(row)} aria-label={`修改 ${row.name}`}>
                修改
              </Button>,
              <Popconfirm
                key="toggle"
                title={row.enabled ? `停用“${row.name}”？` : `启用“${row.name}”？`}
                okText={row.enabled ? '停用' : '启用'}
                cancelText="取消"
                onConfirm={() => act(row.enabled ? '已停用' : '已启用', () => (row.enabled ? facilitiesApi.disable(row.id) : facilitiesApi.enable(row.id)))}
              >
                <Button type="link" size="small" aria-label={`${row.enabled ? '停用' : '启用'} ${row.name}`}>
                  {row.enabled ? '停用' : '启用'}
                </Button>
              </Popconfirm>,
              <Popconfirm key="delete" title={`删除“${row.name}”？删除后不再出现在台账中。`} okText="删除" okButtonProps={{ danger: true }} cancelText="取消" onConfirm={() => act('已删除', () => facilitiesApi.remove(row.id))}>
                <Button type="link" size="small" danger aria-label={`删除 ${row.name}`}>
                  删除
                </Button>
              </Popconfirm>,
            ]
          : []),
      ],
    },
  ];

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <FacilityStats stats={stats} />
      {stats && stats.total.dueSoon > 0 && <DueList areaId={areaId} withinDays={withinDays} onOpen={setViewing} />}
      <div data-testid="facility-ledger">
        <ProTable<FacilityItem, FacilitySearchValues>
          rowKey="id"
          actionRef={table}
          headerTitle="设施设备台账"
          columns={columns}
          {...LIST_TABLE_DEFAULTS}
          search={{ ...LIST_TABLE_DEFAULTS.search, defaultCollapsed: false }}
          toolBarRender={() => [
            ...(operate
              ? [
                  <Button key="add" type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
                    添加
                  </Button>,
                ]
              : []),
            <Button key="template" icon={<DownloadOutlined />} onClick={() => void downloadFile(facilitiesApi.templatePath(areaId), {}, '设施设备导入模板.xlsx').catch((e) => message.error(errorMessage(e)))}>
              模板下载
            </Button>,
            ...(operate
              ? [
                  <XlsxImportButton
                    key="import"
                    title="导入设施设备"
                    hint="请使用“模板下载”的表格填写：按注册代码、或按名称加位置新增或更新，不删除。"
                    importPath={({ dryRun, mode }) => facilitiesApi.importPath(areaId, { dryRun, mode })}
                    onImported={reload}
                  />,
                ]
              : []),
            <Button key="export" onClick={() => void downloadFile(facilitiesApi.exportPath(areaId), {}, `${areaName}设施设备台账.xlsx`).catch((e) => message.error(errorMessage(e)))}>
              导出
            </Button>,
          ]}
          request={pagedRequest(async (p: FacilitySearchValues & { current?: number; pageSize?: number }) => facilitiesApi.list(areaId, facilityListQuery(p, p.current ?? 1, p.pageSize ?? 20)))}
        />
      </div>
      {editing !== null && (
        <FacilityForm
          areaId={areaId}
          facility={editing === 'new' ? null : editing}
          types={types}
          typeById={typeById}
          buildings={buildings}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            reload();
          }}
        />
      )}
      <FacilityDrawer facilityId={viewing} operate={operate} onClose={() => setViewing(null)} onChanged={reload} />
    </Space>
  );
}

/** 设施设备统计: the totals and the count per type (and per category). */
function FacilityStats({ stats }: { stats: FacilityStatistics | null }) {
  if (!stats) return <Skeleton active paragraph={{ rows: 2 }} />;
  return (
    <ProCard title="设施设备统计" headerBordered>
      <div data-testid="facility-stats">
        <Row gutter={16}>
          <Col span={4}><Statistic title="设施设备（条）" value={stats.total.facilities} /></Col>
          <Col span={4}><Statistic title="数量合计" value={stats.total.quantity} /></Col>
          <Col span={4}><Statistic title="启用" value={stats.total.enabled} /></Col>
          <Col span={4}><Statistic title="停用" value={stats.total.disabled} /></Col>
          <Col span={4}><Statistic title="特种设备" value={stats.total.specialEquipment} /></Col>
          <Col span={4}><Statistic title={`${stats.withinDays} 天内到期`} value={stats.total.dueSoon} valueStyle={stats.total.dueSoon ? { color: '#d4380d' } : undefined} /></Col>
        </Row>
        <Table
          style={{ marginTop: 16 }}
          size="small"
          rowKey="facilityTypeId"
          pagination={false}
          dataSource={stats.types}
          scroll={{ y: 240 }}
          columns={[
            { title: '类别', dataIndex: 'categoryName', width: 120 },
            { title: '设施设备类型', dataIndex: 'facilityTypePath' },
            { title: '条数', dataIndex: 'facilities', width: 80, align: 'right' },
            { title: '数量', dataIndex: 'quantity', width: 80, align: 'right' },
            { title: '启用', dataIndex: 'enabled', width: 80, align: 'right' },
            { title: '停用', dataIndex: 'disabled', width: 80, align: 'right' },
          ]}
        />
      </div>
    </ProCard>
  );
}

/** 到期提醒: the area's special equipment due within the look-ahead (or already overdue), soonest first. */
function DueList({ areaId, withinDays, onOpen }: { areaId: number; withinDays: number; onOpen: (facilityId: number) => void }) {
  return (
    <ProTable<DueFacilityItem>
      headerTitle={`到期提醒（${withinDays} 天内到期及已过期的特种设备）`}
      rowKey="id"
      search={false}
      options={false}
      size="small"
      pagination={{ defaultPageSize: 5 }}
      request={pagedRequest(async ({ current, pageSize }: { current?: number; pageSize?: number }) => facilitiesApi.due({ propertyAreaId: areaId, withinDays, page: current ?? 1, pageSize: pageSize ?? 5 }))}
      columns={[
        {
          title: '设备名称',
          dataIndex: 'name',
          render: (_, row) => (
            <Button type="link" size="small" style={{ padding: 0 }} onClick={() => onOpen(row.id)}>
              {row.name}
            </Button>
          ),
        },
        { title: '类型', dataIndex: 'facilityTypePath' },
        { title: '注册代码', dataIndex: 'registerNumber', render: (_, row) => row.registerNumber ?? '-' },
        { title: '位置', key: 'place', render: (_, row) => [row.buildingName, row.position].filter(Boolean).join(' / ') || '物业区域' },
        { title: '到期日期', dataIndex: 'dueDate' },
        { title: '剩余', dataIndex: 'daysLeft', render: (_, row) => <Tag color={row.overdue ? 'error' : 'warning'}>{row.overdue ? `已过期 ${-row.daysLeft} 天` : `${row.daysLeft} 天`}</Tag> },
        { title: '责任人', dataIndex: 'personLiable', render: (_, row) => row.personLiable ?? '-' },
      ]}
    />
  );
}

/** 添加 / 修改: every field of the ledger; special equipment must carry 注册代码 and 到期日期. */
function FacilityForm({
  areaId,
  facility,
  types,
  typeById,
  buildings,
  onClose,
  onSaved,
}: {
  areaId: number;
  facility: FacilityItem | null;
  types: FacilityTypeNode[];
  typeById: Map<number, FacilityTypeNode>;
  buildings: BuildingNode[];
  onClose: () => void;
  onSaved: () => void;
}) {
  const [form] = Form.useForm<FacilityFormValues>();
  const typeId = Form.useWatch('facilityTypeId', form) as number | undefined;
  const buildingId = Form.useWatch('buildingId', form) as number | undefined;
  const special = typeId !== undefined && typeById.get(Number(typeId))?.isSpecialEquipment === true;

  return (
    <ModalForm<FacilityFormValues>
      title={facility ? `修改设施设备：${facility.name}` : '添加设施设备'}
      open
      form={form}
      width={860}
      grid
      rowProps={{ gutter: 16 }}
      colProps={{ span: 12 }}
      modalProps={{ onCancel: onClose, destroyOnClose: true, maskClosable: false }}
      initialValues={facility ? { ...facility } : { quantity: 1 }}
      submitter={{ searchConfig: { submitText: '保存', resetText: '取消' } }}
      onFinish={async (values) => {
        const body = facilityBody(values);
        try {
          if (facility) await facilitiesApi.update(facility.id, body);
          else await facilitiesApi.create(areaId, body);
          message.success(facility ? '已保存修改' : '已添加');
          onSaved();
          return true;
        } catch (e) {
          message.error(errorMessage(e));
          return false;
        }
      }}
    >
      <ProFormText name="name" label="设备名称" rules={[{ required: true, message: '请填写设备名称' }]} fieldProps={{ maxLength: 128 }} />
      <ProFormTreeSelect
        name="facilityTypeId"
        label="设施设备类型"
        rules={[{ required: true, message: '请选择设施设备类型' }]}
        fieldProps={{ treeData: typeOptions(types), showSearch: true, treeNodeFilterProp: 'title', placeholder: '从类型目录中选择' }}
      />
      <ProFormSelect name="buildingId" label="所属楼栋" placeholder="不选：属于整个物业区域" fieldProps={{ allowClear: true }} options={buildings.map((b) => ({ value: b.id, label: b.name }))} />
      <ProFormText name="unitName" label="单元" disabled={!buildingId} placeholder={buildingId ? '如 1单元' : '先选择楼栋'} fieldProps={{ maxLength: 32 }} />
      <ProFormText name="position" label="位置" fieldProps={{ maxLength: 128 }} />
      <ProFormDigit name="quantity" label="数量" min={1} fieldProps={{ precision: 0 }} rules={[{ required: true, message: '请填写数量' }]} />
      <ProFormText
        name="registerNumber"
        label="注册代码"
        tooltip="电梯等特种设备的特种设备注册代码"
        rules={special ? [{ required: true, message: '特种设备须填写注册代码' }] : []}
        fieldProps={{ maxLength: 32 }}
      />
      <ProFormDatePicker name="dueDate" label="到期日期" rules={special ? [{ required: true, message: '特种设备须填写到期日期' }] : []} fieldProps={{ style: { width: '100%' } }} />
      <ProFormText name="serialNumber" label="出厂编号" fieldProps={{ maxLength: 64 }} />
      <ProFormDatePicker name="commissionedAt" label="启用时间" fieldProps={{ style: { width: '100%' } }} />
      <ProFormText name="brand" label="品牌" fieldProps={{ maxLength: 64 }} />
      <ProFormText name="company" label="生产或维保单位" fieldProps={{ maxLength: 128 }} />
      <ProFormSelect name="maintenanceCycle" label="维保周期" options={cycleOptions} fieldProps={{ allowClear: true }} />
      <ProFormText name="personLiable" label="责任人" fieldProps={{ maxLength: 32 }} />
      <ProFormDigit name="originalValue" label="原值（元）" min={0} fieldProps={{ precision: 2 }} />
      <ProFormDigit name="currentValue" label="现值（元）" min={0} fieldProps={{ precision: 2 }} />
      <ProFormText name="annualInspector" label="年检单位" fieldProps={{ maxLength: 128 }} />
      <ProFormDigit name="annualCost" label="年检费用（元）" min={0} fieldProps={{ precision: 2 }} />
      <ProFormTextArea name="remarks" label="备注" colProps={{ span: 24 }} fieldProps={{ maxLength: 500, showCount: true, rows: 2 }} />
    </ModalForm>
  );
}

/** One facility: its ledger card and 维修保养记录, with 添加维护记录. */
function FacilityDrawer({ facilityId, operate, onClose, onChanged }: { facilityId: number | null; operate: boolean; onClose: () => void; onChanged: () => void }) {
  const [detail, setDetail] = useState<FacilityDetail | null>(null);
  const [adding, setAdding] = useState(false);
  const load = useCallback(() => {
    if (facilityId === null) return;
    facilitiesApi.detail(facilityId).then(setDetail, (e) => message.error(errorMessage(e)));
  }, [facilityId]);
  useEffect(() => {
    setDetail(null);
    load();
  }, [load]);

  return (
    <Drawer open={facilityId !== null} onClose={onClose} width={820} title={detail ? `${detail.name}（${detail.facilityTypePath}）` : '设施设备'} destroyOnClose>
      {!detail ? (
        <Skeleton active />
      ) : (
        <Space direction="vertical" size={16} style={{ width: '100%' }}>
          <ProDescriptions<FacilityDetail>
            column={2}
            size="small"
            bordered
            dataSource={detail}
            columns={[
              { title: '所属物业区域', dataIndex: 'propertyAreaName' },
              { title: '所属对象 / 位置', key: 'place', render: () => place(detail) },
              { title: '数量', dataIndex: 'quantity' },
              { title: '状态', dataIndex: 'enabled', render: () => (detail.enabled ? '启用' : '停用') },
              { title: '注册代码', dataIndex: 'registerNumber', render: () => detail.registerNumber ?? '-' },
              { title: '到期日期', dataIndex: 'dueDate', render: () => detail.dueDate ?? '-' },
              { title: '出厂编号', dataIndex: 'serialNumber', render: () => detail.serialNumber ?? '-' },
              { title: '启用时间', dataIndex: 'commissionedAt', render: () => detail.commissionedAt ?? '-' },
              { title: '品牌', dataIndex: 'brand', render: () => detail.brand ?? '-' },
              { title: '生产或维保单位', dataIndex: 'company', render: () => detail.company ?? '-' },
              { title: '维保周期', dataIndex: 'maintenanceCycleLabel', render: () => detail.maintenanceCycleLabel ?? '-' },
              { title: '责任人', dataIndex: 'personLiable', render: () => detail.personLiable ?? '-' },
              { title: '原值 / 现值（元）', key: 'value', render: () => `${detail.originalValue ?? '-'} / ${detail.currentValue ?? '-'}` },
              { title: '年检单位 / 费用', key: 'annual', render: () => `${detail.annualInspector ?? '-'} / ${detail.annualCost ?? '-'}` },
              { title: '备注', dataIndex: 'remarks', span: 2, render: () => detail.remarks ?? '-' },
            ]}
          />
          <ProTable<FacilityMaintenanceView>
            headerTitle="维修保养记录"
            rowKey="id"
            search={false}
            options={false}
            pagination={false}
            dataSource={detail.maintenanceRecords}
            scroll={{ x: 'max-content' }}
            toolBarRender={() =>
              operate
                ? [
                    <Button key="add" type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
                      添加维护记录
                    </Button>,
                  ]
                : []
            }
            columns={[
              { title: '日期', dataIndex: 'maintainedOn', width: 110 },
              { title: '类型', dataIndex: 'kindLabel', width: 70 },
              { title: '内容', dataIndex: 'content', width: 200, ellipsis: true },
              { title: '情况', dataIndex: 'situation', width: 140, ellipsis: true, render: (_, r) => r.situation ?? '-' },
              { title: '单位', dataIndex: 'unit', width: 140, render: (_, r) => r.unit ?? '-' },
              { title: '人员', dataIndex: 'person', width: 80, render: (_, r) => r.person ?? '-' },
              { title: '费用（元）', dataIndex: 'cost', width: 90, align: 'right', render: (_, r) => r.cost ?? '-' },
              {
                title: '附件',
                dataIndex: 'attachments',
                width: 160,
                render: (_, r) =>
                  r.attachments.length
                    ? r.attachments.map((a) => (
                        <Button
                          key={a.id}
                          type="link"
                          size="small"
                          style={{ padding: 0, marginRight: 8 }}
                          onClick={() => void downloadFile(facilitiesApi.maintenanceAttachmentPath(detail.id, r.id, a.id), {}, a.fileName).catch((e) => message.error(errorMessage(e)))}
                        >
                          {a.fileName}
                        </Button>
                      ))
                    : '无',
              },
            ]}
          />
          {adding && (
            <ModalForm<Record<string, unknown>>
              title="添加维护记录"
              open
              width={640}
              modalProps={{ onCancel: () => setAdding(false), destroyOnClose: true, maskClosable: false }}
              submitter={{ searchConfig: { submitText: '保存', resetText: '取消' } }}
              onFinish={async (values) => {
                try {
                  await facilitiesApi.addMaintenance(detail.id, maintenanceBody(values));
                  message.success('已添加维护记录');
                  setAdding(false);
                  load();
                  onChanged();
                  return true;
                } catch (e) {
                  message.error(errorMessage(e));
                  return false;
                }
              }}
            >
              <ProFormDatePicker name="maintainedOn" label="日期" rules={[{ required: true, message: '请选择日期' }]} fieldProps={{ style: { width: '100%' } }} />
              <ProFormSelect name="kind" label="类型" options={kindOptions} rules={[{ required: true, message: '请选择类型' }]} />
              <ProFormTextArea name="content" label="内容" rules={[{ required: true, message: '请填写维护内容' }]} fieldProps={{ maxLength: 500, showCount: true, rows: 2 }} />
              <ProFormText name="situation" label="情况" fieldProps={{ maxLength: 500 }} />
              <ProFormText name="unit" label="单位" fieldProps={{ maxLength: 128 }} />
              <ProFormText name="person" label="人员" fieldProps={{ maxLength: 32 }} />
              <ProFormDigit name="cost" label="费用（元）" min={0} fieldProps={{ precision: 2 }} />
              {detail.isSpecialEquipment && <ProFormDatePicker name="nextDueDate" label="新的到期日期" tooltip="年检后的下次到期日期：保存后更新该设备的到期日期" fieldProps={{ style: { width: '100%' } }} />}
              <Form.Item name="attachmentIds" label="附件">
                <AttachmentUpload />
              </Form.Item>
            </ModalForm>
          )}
        </Space>
      )}
    </Drawer>
  );
}

