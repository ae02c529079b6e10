import {
  ModalForm,
  PageContainer,
  ProCard,
  ProForm,
  ProFormDigit,
  ProFormRadio,
  ProFormSelect,
  ProFormSwitch,
  ProFormText,
  ProTable,
  type ActionType,
  type ProColumns,
} from '@ant-design/pro-components';
import type { BadRecordCircumstanceInput, BadRecordItemInput, GoodRecordItemInput, RiskListCircumstanceInput, RiskListItemInput, ScoringRulesInput } from '@szpm/api-client';
import {
  EVALUATION_SUBJECT_TYPE_LABELS,
  SCORING_CYCLE_KIND_LABELS,
  type BadRecordCircumstanceView,
  type BadRecordItemView,
  type GoodRecordItemView,
  type RiskListCircumstanceView,
  type RiskListItemView,
  type ScoringRulesView,
} from '@szpm/contract';
import { Alert, Button, message, Modal, Popconfirm, Spin, Tag } from 'antd';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useSearchParams } from 'react-router-dom';
import { api, errorMessage } from '../../api';
import { XlsxImportButton } from '../../components/XlsxImportButton';
import { downloadFile } from '../../transfer';
import { listRequest } from '../../list-table';

type Tab = 'bad-record' | 'risk-list' | 'good-record' | 'scoring-rules';
const TABS: Array<{ key: Tab; tab: string }> = [
  { key: 'bad-record', tab: '不良信息事项' },
  { key: 'risk-list', tab: '风险名单事项' },
  { key: 'good-record', tab: '良好信息事项' },
  { key: 'scoring-rules', tab: '计分规则' },
];

const SUBJECT_OPTIONS = [
  { value: 'BOTH', label: '物业服务企业和项目负责人' },
  ...Object.entries(EVALUATION_SUBJECT_TYPE_LABELS).map(([value, label]) => ({ value, label })),
];
/** The form's 适用对象 ('BOTH': no kind) ↔ the api's subjectType (null). */
const fromSubject = (value: string | null | undefined) => value ?? 'BOTH';
const toSubject = <T extends { subjectType?: unknown }>(values: T) => ({ ...values, subjectType: values.subjectType === 'BOTH' ? null : values.subjectType }) as T;

const enabledTag = (enabled: boolean) => (enabled ? <Tag color="success">启用</Tag> : <Tag>停用</Tag>);

/** Runs a catalogue write and says what happened; false keeps a form open. */
async function save(run: () => Promise<unknown>, done: string, after: () => void): Promise<boolean> {
  try {
    await run();
    message.success(done);
    after();
    return true;
  } catch (e) {
    message.error(errorMessage(e));
    return false;
  }
}

/** 停用 / 启用 with a confirmation: records already determined keep their values either way. */
function ToggleEnabled({ enabled, name, onToggle }: { enabled: boolean; name: string; onToggle: (enabled: boolean) => Promise<boolean> }) {
  return (
    <Popconfirm
      title={enabled ? `停用“${name}”？` : `启用“${name}”？`}
      description={enabled ? '停用后不能再选用，已认定的记录不受影响。' : '启用后录入时可以选用。'}
      okText={enabled ? '停用' : '启用'}
      cancelText="取消"
      onConfirm={() => onToggle(!enabled)}
    >
      <Button type="link" size="small" danger={enabled}>
        {enabled ? '停用' : '启用'}
      </Button>
    </Popconfirm>
  );
}

function EntryFields({ withName = true }: { withName?: boolean }) {
  return (
    <>
      <ProFormText name="code" label="编码" rules={[{ required: true, pattern: /^[A-Z0-9_]{2,32}$/, message: '编码为 2–32 位大写字母、数字或下划线' }]} />
      {withName && <ProFormText name="name" label="名称" rules={[{ required: true, whitespace: true, message: '请填写名称' }]} fieldProps={{ maxLength: 128 }} />}
      <ProFormDigit name="sortOrder" label="排序" min={0} max={9999} fieldProps={{ precision: 0 }} />
      <ProFormSwitch name="enabled" label="启用" />
    </>
  );
}

function ItemModal<V extends object>({ title, trigger, initial, onFinish, children }: { title: string; trigger: ReactNode; initial: object; onFinish: (values: V) => Promise<boolean>; children: ReactNode }) {
  return (
    <ModalForm<V> title={title} width={600} trigger={trigger as JSX.Element} initialValues={initial} modalProps={{ destroyOnClose: true, okText: '保存' }} onFinish={onFinish}>
      {children}
    </ModalForm>
  );
}

// ---- 不良信息事项 (with the xlsx template / export / import) ------------------------------------

function BadRecordCatalogue() {
  const table = useRef<ActionType>();
  const reload = () => table.current?.reload();
  const catalogue = api.evaluation.catalogue;

  const circumstanceColumns = (item: BadRecordItemView): ProColumns<BadRecordCircumstanceView>[] => [
    { title: '情形编码', dataIndex: 'code', width: 120 },
    { title: '情形', dataIndex: 'description', width: 360 },
    { title: '等级', dataIndex: 'level', width: 70, render: (_, c) => `第${c.level}级` },
    { title: '分值', dataIndex: 'points', width: 70 },
    { title: '公示期', dataIndex: 'publicityMonths', width: 90, render: (_, c) => `${c.publicityMonths}个月` },
    { title: '状态', dataIndex: 'enabled', width: 80, render: (_, c) => enabledTag(c.enabled) },
    {
      title: '操作',
      valueType: 'option',
      width: 130,
      render: (_, c) => [
        <ItemModal<BadRecordCircumstanceInput>
          key="edit"
          title={`修改情形 · ${item.name}`}
          trigger={<Button type="link" size="small">修改</Button>}
          initial={c}
          onFinish={(values) => save(() => catalogue.updateBadRecordCircumstance(c.id, values), '情形已保存', reload)}
        >
          <BadCircumstanceFields />
        </ItemModal>,
        <ToggleEnabled key="toggle" enabled={c.enabled} name={c.description} onToggle={(enabled) => save(() => catalogue.updateBadRecordCircumstance(c.id, { enabled }), enabled ? '已启用' : '已停用', reload)} />,
      ],
    },
  ];

  const columns: ProColumns<BadRecordItemView>[] = [
    { title: '编码', dataIndex: 'code', width: 160 },
    { title: '事项', dataIndex: 'name', width: 300 },
    { title: '适用对象', dataIndex: 'subjectType', width: 200, render: (_, i) => (i.subjectType ? EVALUATION_SUBJECT_TYPE_LABELS[i.subjectType] : '企业和项目负责人') },
    { title: '同一事项只计一次', dataIndex: 'countOncePerYear', width: 140, render: (_, i) => (i.countOncePerYear ? '是' : '否') },
    { title: '情形', dataIndex: 'circumstances', width: 80, render: (_, i) => `${i.circumstances.length}种` },
    { title: '排序', dataIndex: 'sortOrder', width: 70 },
    { title: '状态', dataIndex: 'enabled', width: 80, render: (_, i) => enabledTag(i.enabled) },
    {
      title: '操作',
      valueType: 'option',
      fixed: 'right',
      width: 210,
      render: (_, i) => [
        <ItemModal<BadRecordItemInput>
          key="edit"
          title="修改不良信息事项"
          trigger={<Button type="link" size="small">修改</Button>}
          initial={{ ...i, subjectType: fromSubject(i.subjectType) }}
          onFinish={(values) => save(() => catalogue.updateBadRecordItem(i.id, toSubject(values)), '事项已保存', reload)}
        >
          <BadItemFields />
        </ItemModal>,
        <ItemModal<BadRecordCircumstanceInput>
          key="add"
          title={`新增情形 · ${i.name}`}
          trigger={<Button type="link" size="small">新增情形</Button>}
          initial={{ enabled: true, sortOrder: 0, level: 1 }}
          onFinish={(values) => save(() => catalogue.createBadRecordCircumstance(i.id, values), '情形已新增', reload)}
        >
          <BadCircumstanceFields />
        </ItemModal>,
        <ToggleEnabled key="toggle" enabled={i.enabled} name={i.name} onToggle={(enabled) => save(() => catalogue.updateBadRecordItem(i.id, { enabled }), enabled ? '已启用' : '已停用', reload)} />,
      ],
    },
  ];

  return (
    <ProTable<BadRecordItemView>
      actionRef={table}
      rowKey="id"
      columns={columns}
      search={false}
      scroll={{ x: 'max-content' }}
      pagination={false}
      options={{ reload: true, density: false, setting: false }}
      expandable={{ expandedRowRender: (item) => <ProTable<BadRecordCircumstanceView> rowKey="id" search={false} options={false} pagination={false} columns={circumstanceColumns(item)} dataSource={item.circumstances} /> }}
      toolBarRender={() => [
        <Button key="template" onClick={() => void downloadFile(catalogue.badRecordTemplatePath, {}, '不良信息事项导入模板.xlsx').catch((e) => message.error(errorMessage(e)))}>
          下载导入模板
        </Button>,
        <Button key="export" onClick={() => void downloadFile(catalogue.badRecordExportPath, {}, '不良信息事项.xlsx').catch((e) => message.error(errorMessage(e)))}>
          导出
        </Button>,
        <XlsxImportButton
          key="import"
          title="导入不良信息事项及情形"
          hint="按事项编码、情形编码新增或修改，不删除。"
          importPath={(options) => api.evaluation.catalogue.badRecordImportPath(options)}
          onImported={reload}
          offerValidRows
        />,
        <ItemModal<BadRecordItemInput>
          key="create"
          title="新增不良信息事项"
          trigger={<Button type="primary">新增事项</Button>}
          initial={{ subjectType: 'BOTH', countOncePerYear: false, enabled: true, sortOrder: 0 }}
          onFinish={(values) => save(() => catalogue.createBadRecordItem(toSubject(values)), '事项已新增', reload)}
        >
          <BadItemFields />
        </ItemModal>,
      ]}
      request={listRequest(() => api.evaluation.badRecordItems({ includeDisabled: true }))}
    />
  );
}

function BadItemFields() {
  return (
    <>
      <EntryFields />
      <ProFormSelect name="subjectType" label="适用对象" options={SUBJECT_OPTIONS} rules={[{ required: true }]} />
      <ProFormSwitch name="countOncePerYear" label="同一事项只计一次" tooltip="有多个处罚事项，同一事项只计一次，取最高等级计分" />
    </>
  );
}

function BadCircumstanceFields() {
  return (
    <>
      <EntryFields withName={false} />
      <ProFormText name="description" label="情形" rules={[{ required: true, whitespace: true, message: '请填写情形' }]} fieldProps={{ maxLength: 255 }} />
      <ProFormDigit name="level" label="等级（1 为最严重）" min={1} max={9} fieldProps={{ precision: 0 }} rules={[{ required: true, message: '请填写等级' }]} />
      <ProFormDigit name="points" label="扣分" min={0} max={100} fieldProps={{ precision: 0 }} rules={[{ required: true, message: '请填写扣分' }]} />
      <ProFormDigit name="publicityMonths" label="公示期时长（月）" min={0} max={120} fieldProps={{ precision: 0 }} rules={[{ required: true, message: '请填写公示期时长' }]} />
    </>
  );
}


// ---- 风险名单事项 ----------------------------------------------------------------------------

function RiskListCatalogue() {
  const table = useRef<ActionType>();
  const reload = () => table.current?.reload();
  const catalogue = api.evaluation.catalogue;
  const circumstanceFields = (
    <>
      <EntryFields withName={false} />
      <ProFormText name="description" label="情形" rules={[{ required: true, whitespace: true, message: '请填写情形' }]} fieldProps={{ maxLength: 255 }} />
      <ProFormDigit name="publicityMonths" label="公示期时长（月）" min={0} max={120} fieldProps={{ precision: 0 }} rules={[{ required: true, message: '请填写公示期时长' }]} />
    </>
  );
  const itemFields = (
    <>
      <EntryFields />
      <ProFormSelect name="subjectType" label="适用对象" options={SUBJECT_OPTIONS} rules={[{ required: true }]} />
    </>
  );

  const circumstanceColumns = (item: RiskListItemView): ProColumns<RiskListCircumstanceView>[] => [
    { title: '情形编码', dataIndex: 'code', width: 120 },
    { title: '情形', dataIndex: 'description', width: 400 },
    { title: '公示期', dataIndex: 'publicityMonths', width: 90, render: (_, c) => `${c.publicityMonths}个月` },
    { title: '状态', dataIndex: 'enabled', width: 80, render: (_, c) => enabledTag(c.enabled) },
    {
      title: '操作',
      valueType: 'option',
      width: 130,
      render: (_, c) => [
        <ItemModal<RiskListCircumstanceInput> key="edit" title={`修改情形 · ${item.name}`} trigger={<Button type="link" size="small">修改</Button>} initial={c} onFinish={(values) => save(() => catalogue.updateRiskListCircumstance(c.id, values), '情形已保存', reload)}>
          {circumstanceFields}
        </ItemModal>,
        <ToggleEnabled key="toggle" enabled={c.enabled} name={c.description} onToggle={(enabled) => save(() => catalogue.updateRiskListCircumstance(c.id, { enabled }), enabled ? '已启用' : '已停用', reload)} />,
      ],
    },
  ];

  return (
    <ProTable<RiskListItemView>
      actionRef={table}
      rowKey="id"
      search={false}
      scroll={{ x: 'max-content' }}
      pagination={false}
      options={{ reload: true, density: false, setting: false }}
      expandable={{ expandedRowRender: (item) => <ProTable<RiskListCircumstanceView> rowKey="id" search={false} options={false} pagination={false} columns={circumstanceColumns(item)} dataSource={item.circumstances} /> }}
      columns={[
        { title: '编码', dataIndex: 'code', width: 160 },
        { title: '事项', dataIndex: 'name', width: 320 },
        { title: '适用对象', dataIndex: 'subjectType', width: 200, render: (_, i) => (i.subjectType ? EVALUATION_SUBJECT_TYPE_LABELS[i.subjectType] : '企业和项目负责人') },
        { title: '情形', dataIndex: 'circumstances', width: 80, render: (_, i) => `${i.circumstances.length}种` },
        { title: '排序', dataIndex: 'sortOrder', width: 70 },
        { title: '状态', dataIndex: 'enabled', width: 80, render: (_, i) => enabledTag(i.enabled) },
        {
          title: '操作',
          valueType: 'option',
          fixed: 'right',
          width: 210,
          render: (_, i) => [
            <ItemModal<RiskListItemInput> key="edit" title="修改风险名单事项" trigger={<Button type="link" size="small">修改</Button>} initial={{ ...i, subjectType: fromSubject(i.subjectType) }} onFinish={(values) => save(() => catalogue.updateRiskListItem(i.id, toSubject(values)), '事项已保存', reload)}>
              {itemFields}
            </ItemModal>,
            <ItemModal<RiskListCircumstanceInput> key="add" title={`新增情形 · ${i.name}`} trigger={<Button type="link" size="small">新增情形</Button>} initial={{ enabled: true, sortOrder: 0 }} onFinish={(values) => save(() => catalogue.createRiskListCircumstance(i.id, values), '情形已新增', reload)}>
              {circumstanceFields}
            </ItemModal>,
            <ToggleEnabled key="toggle" enabled={i.enabled} name={i.name} onToggle={(enabled) => save(() => catalogue.updateRiskListItem(i.id, { enabled }), enabled ? '已启用' : '已停用', reload)} />,
          ],
        },
      ]}
      toolBarRender={() => [
        <ItemModal<RiskListItemInput> key="create" title="新增风险名单事项" trigger={<Button type="primary">新增事项</Button>} initial={{ subjectType: 'BOTH', enabled: true, sortOrder: 0 }} onFinish={(values) => save(() => catalogue.createRiskListItem(toSubject(values)), '事项已新增', reload)}>
          {itemFields}
        </ItemModal>,
      ]}
      request={listRequest(() => api.evaluation.riskListItems({ includeDisabled: true }))}
    />
  );
}

// ---- 良好信息事项 ----------------------------------------------------------------------------

function GoodRecordCatalogue() {
  const table = useRef<ActionType>();
  const reload = () => table.current?.reload();
  const catalogue = api.evaluation.catalogue;
  const fields = (
    <>
      <EntryFields />
      <ProFormSelect name="subjectType" label="适用对象" options={SUBJECT_OPTIONS} rules={[{ required: true }]} />
      <ProFormDigit name="points" label="加分" min={0} max={100} fieldProps={{ precision: 0 }} rules={[{ required: true, message: '请填写加分' }]} />
    </>
  );
  return (
    <ProTable<GoodRecordItemView>
      actionRef={table}
      rowKey="id"
      search={false}
      scroll={{ x: 'max-content' }}
      pagination={false}
      options={{ reload: true, density: false, setting: false }}
      columns={[
        { title: '编码', dataIndex: 'code', width: 160 },
        { title: '事项', dataIndex: 'name', width: 340 },
        { title: '适用对象', dataIndex: 'subjectType', width: 200, render: (_, i) => (i.subjectType ? EVALUATION_SUBJECT_TYPE_LABELS[i.subjectType] : '企业和项目负责人') },
        { title: '加分', dataIndex: 'points', width: 70 },
        { title: '排序', dataIndex: 'sortOrder', width: 70 },
        { title: '状态', dataIndex: 'enabled', width: 80, render: (_, i) => enabledTag(i.enabled) },
        {
          title: '操作',
          valueType: 'option',
          fixed: 'right',
          width: 130,
          render: (_, i) => [
            <ItemModal<GoodRecordItemInput> key="edit" title="修改良好信息事项" trigger={<Button type="link" size="small">修改</Button>} initial={{ ...i, subjectType: fromSubject(i.subjectType) }} onFinish={(values) => save(() => catalogue.updateGoodRecordItem(i.id, toSubject(values)), '事项已保存', reload)}>
              {fields}
            </ItemModal>,
            <ToggleEnabled key="toggle" enabled={i.enabled} name={i.name} onToggle={(enabled) => save(() => catalogue.updateGoodRecordItem(i.id, { enabled }), enabled ? '已启用' : '已停用', reload)} />,
          ],
        },
      ]}
      toolBarRender={() => [
        <ItemModal<GoodRecordItemInput> key="create" title="新增良好信息事项" trigger={<Button type="primary">新增事项</Button>} initial={{ subjectType: 'BOTH', enabled: true, sortOrder: 0, points: 1 }} onFinish={(values) => save(() => catalogue.createGoodRecordItem(toSubject(values)), '事项已新增', reload)}>
          {fields}
        </ItemModal>,
      ]}
      request={listRequest(() => api.evaluation.goodRecordItems({ includeDisabled: true }))}
    />
  );
}

// ---- 计分规则 --------------------------------------------------------------------------------

function ScoringRules() {
  const [rules, setRules] = useState<ScoringRulesView | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    api.evaluation.scoringRules().then(setRules, (e) => setError(errorMessage(e)));
  }, []);
  if (error) return <Alert type="error" showIcon message={error} />;
  if (!rules) return <Spin />;
  return (
    <ProCard>
      <ProForm<ScoringRulesInput>
        layout="horizontal"
        labelCol={{ span: 4 }}
        wrapperCol={{ span: 10 }}
        initialValues={rules}
        submitter={{ searchConfig: { submitText: '保存计分规则' }, resetButtonProps: false, render: (_, dom) => <div style={{ marginLeft: '16.6%' }}>{dom}</div> }}
        onFinish={async (values) => {
          const confirmed = await new Promise<boolean>((resolve) =>
            Modal.confirm({ title: '保存计分规则？', content: '保存后将在后台重算当前计分周期的全部得分。', okText: '保存', cancelText: '取消', onOk: () => resolve(true), onCancel: () => resolve(false) }),
          );
          if (!confirmed) return false;
          return save(async () => setRules(await api.evaluation.catalogue.updateScoringRules(values)), '计分规则已保存，当前周期的得分正在重算', () => undefined);
        }}
      >
        <ProFormRadio.Group name="cycleKind" label="计分周期" options={Object.entries(SCORING_CYCLE_KIND_LABELS).map(([value, label]) => ({ value, label }))} rules={[{ required: true }]} />
        <ProFormDigit name="basicScoreMax" label="基础信息满分" min={0} max={1000} fieldProps={{ precision: 0 }} rules={[{ required: true, message: '请填写基础信息满分' }]} />
        <ProFormDigit name="goodRecordCap" label="良好信息计分上限" min={0} max={1000} fieldProps={{ precision: 0 }} rules={[{ required: true, message: '请填写良好信息计分上限' }]} />
        <ProFormDigit name={['grades', 'aaa']} label="AAA 分数线" min={0} max={1000} fieldProps={{ precision: 0 }} rules={[{ required: true, message: '请填写分数线' }]} />
        <ProFormDigit name={['grades', 'aa']} label="AA 分数线" min={0} max={1000} fieldProps={{ precision: 0 }} rules={[{ required: true, message: '请填写分数线' }]} />
        <ProFormDigit name={['grades', 'a']} label="A 分数线" min={0} max={1000} fieldProps={{ precision: 0 }} rules={[{ required: true, message: '请填写分数线' }]} />
        <ProFormDigit name={['grades', 'b']} label="B 分数线（以下为 C）" min={0} max={1000} fieldProps={{ precision: 0 }} rules={[{ required: true, message: '请填写分数线' }]} />
      </ProForm>
    </ProCard>
  );
}

/** 评价目录管理 (city admins): the catalogue of items and circumstances, the bad-record catalogue's xlsx, and the scoring rules. */
export default function CataloguePage() {
  const [params, setParams] = useSearchParams();
  const tab = TABS.find((t) => t.key === params.get('tab'))?.key ?? 'bad-record';
  return (
    <PageContainer tabList={TABS} tabActiveKey={tab} onTabChange={(key) => setParams({ tab: key })}>
      {tab === 'bad-record' && <BadRecordCatalogue />}
      {tab === 'risk-list' && <RiskListCatalogue />}
      {tab === 'good-record' && <GoodRecordCatalogue />}
      {tab === 'scoring-rules' && <ScoringRules />}
    </PageContainer>
  );
}
