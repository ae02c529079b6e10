import {
  PageContainer,
  ProCard,
  ProForm,
  ProFormDatePicker,
  ProFormDigit,
  ProFormSelect,
  ProFormSwitch,
  ProFormText,
  ProFormTextArea,
  ProFormTreeSelect,
} from '@ant-design/pro-components';
import { AREA_CHANGE_FORM_TYPE, AreaFieldKind, WorkflowAction, type AreaChangePayloadView, type AreaChangeResult, type WorkflowCaseDetail, type AreaFieldRule, type PropertyAreaDetail, type RegionNode } from '@szpm/contract';
import { Alert, Button, Form, message, Modal, Result, Space, Spin, Table, Tag, Typography } from 'antd';
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { api, errorMessage } from '../../api';
import { regionTree } from '../permissions/regions';
import { areasApi, changesApi } from './endpoints';
import { changedFields, editInitialValues, fieldValueText } from './logic';

const REASON_MAX = 500;

interface CommunityOption {
  value: number;
  title: string;
  selectable: boolean;
  children?: CommunityOption[];
}
const communityOptions = (nodes: readonly RegionNode[]): CommunityOption[] =>
  nodes.map((n) => ({ value: n.id, title: n.name, selectable: n.level === 'COMMUNITY', children: n.children?.length ? communityOptions(n.children) : undefined }));

/** The names a reference field's current id stands for (the area's detail carries them). */
function referenceName(rule: AreaFieldRule, detail: PropertyAreaDetail): string {
  switch (rule.reference) {
    case 'company':
      return detail.companyName ?? '（无）';
    case 'developer':
      return detail.developerName ?? '（无）';
    case 'committee':
      return detail.profile.committeeName ?? (detail.ownersCommitteeId ? `业委会 #${detail.ownersCommitteeId}` : '（无）');
    default:
      return detail.communityName;
  }
}

/** A field's label, marked 需市局审核 when its change waits for the city bureau. */
const fieldLabel = (rule: AreaFieldRule): ReactNode =>
  rule.requiresCityApproval ? (
    <Space size={4}>
      {rule.label}
      <Tag color="orange" style={{ marginInlineEnd: 0 }}>
        需市局审核
      </Tag>
    </Space>
  ) : (
    rule.label
  );

/** The input of one catalogue field, chosen by its kind. */
function FieldInput({ rule, detail, communities, locked }: { rule: AreaFieldRule; detail: PropertyAreaDetail; communities: CommunityOption[]; locked: boolean }) {
  const common = { name: rule.field, width: 'md' as const, disabled: locked, label: fieldLabel(rule), tooltip: rule.unit ? `单位：${rule.unit}` : undefined, rules: rule.nullable ? [] : [{ required: true, message: `请填写${rule.label}` }] };
  const range = { min: rule.min ?? undefined, max: rule.max ?? undefined };
  switch (rule.kind) {
    case AreaFieldKind.INTEGER:
      return <ProFormDigit {...common} {...range} fieldProps={{ precision: 0 }} />;
    case AreaFieldKind.DECIMAL:
      return <ProFormDigit {...common} {...range} fieldProps={{ precision: 2 }} />;
    case AreaFieldKind.LONGITUDE:
    case AreaFieldKind.LATITUDE:
      return <ProFormDigit {...common} {...range} fieldProps={{ precision: 6 }} />;
    case AreaFieldKind.DATE:
      return <ProFormDatePicker {...common} />;
    case AreaFieldKind.BOOLEAN:
      return <ProFormSwitch {...common} rules={[]} fieldProps={{ checkedChildren: '是', unCheckedChildren: '否' }} />;
    case AreaFieldKind.CHOICE:
      return <ProFormSelect {...common} options={rule.choices ?? []} fieldProps={{ allowClear: rule.nullable }} />;
    case AreaFieldKind.GEOJSON:
      return (
        <ProFormTextArea
          {...common}
          width="xl"
          placeholder='GeoJSON Polygon，如 {"type":"Polygon","coordinates":[[[114.05,22.54],[114.06,22.54],[114.06,22.55],[114.05,22.54]]]}'
          fieldProps={{ rows: 3, maxLength: rule.maxLength ?? undefined }}
          rules={[
            {
              validator: async (_: unknown, value: unknown) => {
                if (value === null || value === undefined || String(value).trim() === '') return;
                let parsed: { type?: unknown; coordinates?: unknown };
                try {
                  parsed = JSON.parse(String(value)) as typeof parsed;
                } catch {
                  throw new Error('边界须为 GeoJSON 格式');
                }
                if (parsed.type !== 'Polygon' || !Array.isArray(parsed.coordinates)) throw new Error('边界须为 GeoJSON Polygon（多边形）');
              },
            },
          ]}
        />
      );
    case AreaFieldKind.REFERENCE:
      if (rule.reference === 'community')
        return <ProFormTreeSelect {...common} fieldProps={{ treeData: communities, showSearch: true, treeNodeFilterProp: 'title', placeholder: '选择所属社区' }} />;
      // companies, developers and committees are chosen where they are registered; here the current one is shown
      return (
        <ProForm.Item label={fieldLabel(rule)} tooltip="在对应的企业或业委会信息中变更">
          <Typography.Text>{referenceName(rule, detail)}</Typography.Text>
        </ProForm.Item>
      );
    default:
      return <ProFormText {...common} fieldProps={{ maxLength: rule.maxLength ?? undefined }} />;
  }
}

/**
 * 编辑: the area's editable fields from the field catalogue. Fields marked 需市局审核 go to the city
 * bureau as one change request (需市局相关经办人审核后生效); the others apply when saved.
 * With `?case=<id>` it modifies a request the city returned (退回修改): its proposed values are
 * filled in, only the fields that need approval can change, and 提交 sends it back to the city.
 */
export default function AreaEditPage() {
  const id = Number(useParams().id);
  const caseId = Number(useSearchParams()[0].get('case')) || null;
  const navigate = useNavigate();
  const [returned, setReturned] = useState<WorkflowCaseDetail<AreaChangePayloadView> | null>(null);
  const [form] = Form.useForm<Record<string, unknown>>();
  const [detail, setDetail] = useState<PropertyAreaDetail | null>(null);
  const [rules, setRules] = useState<AreaFieldRule[] | null>(null);
  const [communities, setCommunities] = useState<CommunityOption[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<AreaChangeResult | null>(null);

  useEffect(() => {
    if (!Number.isInteger(id) || id <= 0) {
      setError('物业区域编号无效');
      return;
    }
    Promise.all([areasApi.detail(id), changesApi.fieldRules(), caseId ? api.workflow.detail(caseId) : Promise.resolve(null)]).then(
      ([area, catalogue, request]) => {
        if (request && (request.formType !== AREA_CHANGE_FORM_TYPE || !request.allowedActions.includes(WorkflowAction.SUBMIT))) {
          setError('该申请当前不能修改（只有退回修改中的申请可由申请人修改后重新提交）');
          return;
        }
        setReturned(request as WorkflowCaseDetail<AreaChangePayloadView> | null);
        setDetail(area);
        setRules([...catalogue].sort((a, b) => a.sortOrder - b.sortOrder));
      },
      (e) => setError(errorMessage(e)),
    );
    regionTree().then((tree) => setCommunities(communityOptions(tree)), () => setCommunities([]));
  }, [id, caseId]);

  const editable = useMemo(() => (rules ?? []).filter((r) => r.editable), [rules]);
  const groups = useMemo(() => [...new Set(editable.map((r) => r.groupLabel))], [editable]);
  const ruleByField = useMemo(() => new Map((rules ?? []).map((r) => [r.field, r])), [rules]);

  if (error) return <PageContainer title="编辑物业区域"><Alert type="error" showIcon message={error} /></PageContainer>;
  if (!detail || !rules) return <PageContainer title="编辑物业区域"><Spin /></PageContainer>;

  if (result) {
    return (
      <PageContainer title={`编辑物业区域：${detail.name}`}>
        <ProCard>
          <Result
            status="success"
            title={result.case ? '修改申请已提交市局审核' : '修改已保存'}
            subTitle={result.case ? `申请单号 ${result.case.businessNo}，状态：${result.case.statusLabel}。需市局相关经办人审核后生效。` : '所改字段无需审核，已立即生效。'}
            extra={[
              ...(result.case
                ? [
                    <Button key="case" type="primary" onClick={() => navigate(`/property-areas/submitted/${result.case!.id}`)}>
                      查看申请
                    </Button>,
                  ]
                : []),
              <Button key="detail" onClick={() => navigate(`/property-areas/list/${detail.id}`)}>
                返回详情
              </Button>,
            ]}
          />
          <div data-testid="change-result">
            <Table
              size="small"
              rowKey="field"
              pagination={false}
              dataSource={[...result.applied.map((c) => ({ ...c, state: '已生效' })), ...result.pending.map((c) => ({ ...c, state: '待市局审核' }))]}
              columns={[
                { title: '字段', dataIndex: 'label' },
                { title: '修改前', dataIndex: 'before', render: (v: unknown, row) => fieldValueText(v, ruleByField.get(row.field)) },
                { title: '修改后', dataIndex: 'after', render: (v: unknown, row) => fieldValueText(v, ruleByField.get(row.field)) },
                { title: '状态', dataIndex: 'state', render: (v: string) => <Tag color={v === '已生效' ? 'success' : 'orange'}>{v}</Tag> },
              ]}
            />
          </div>
        </ProCard>
      </PageContainer>
    );
  }

  const resubmit = async (values: Record<string, unknown>) => {
    const request = returned!;
    const { reason, ...fields } = values;
    const { changes, approval } = changedFields(editable.filter((r) => r.requiresCityApproval), detail, fields);
    if (!approval.length) {
      message.warning('申请中没有需市局审核的修改；如不再需要，请在申请详情中撤销');
      return false;
    }
    const text = typeof reason === 'string' && reason.trim() ? reason.trim() : null;
    try {
      await api.workflow.act(request.id, { action: WorkflowAction.SUBMIT, version: request.version, payload: { propertyAreaId: detail.id, proposed: changes, reason: text } });
      message.success('已修改并重新提交市局审核');
      navigate(`/property-areas/submitted/${request.id}`);
      return true;
    } catch (e) {
      message.error(errorMessage(e));
      return false;
    }
  };

  const submit = async (values: Record<string, unknown>) => {
    if (returned) return resubmit(values);
    const { reason, ...fields } = values;
    const { changes, free, approval } = changedFields(editable, detail, fields);
    if (!free.length && !approval.length) {
      message.warning('没有修改任何字段');
      return false;
    }
    if (approval.length) {
      const names = approval.map((f) => ruleByField.get(f)?.label ?? f).join('、');
      const confirmed = await new Promise<boolean>((resolve) =>
        Modal.confirm({
          title: '提交市局审核',
          content: `${names} 需市局相关经办人审核后生效${free.length ? `；其余 ${free.length} 项保存后立即生效` : ''}。确认提交？`,
          okText: '提交',
          cancelText: '取消',
          onOk: () => resolve(true),
          onCancel: () => resolve(false),
        }),
      );
      if (!confirmed) return false;
    }
    try {
      const answer = await changesApi.submit(detail.id, { changes, reason: typeof reason === 'string' && reason.trim() ? reason.trim() : undefined });
      message.success(answer.case ? '已提交市局审核' : '已保存');
      setResult(answer);
      return true;
    } catch (e) {
      message.error(errorMessage(e));
      return false;
    }
  };

  return (
    <PageContainer title={`编辑物业区域：${detail.name}`} subTitle={returned ? `修改退回的申请 ${returned.businessNo}` : detail.code}>
      <Alert
        type={returned ? 'warning' : 'info'}
        showIcon
        style={{ marginBottom: 16 }}
        message={
          returned
            ? '该申请已被市局退回：修改需市局审核的字段后重新提交（其余字段请在申请办结后另行编辑）。审核意见见申请的“审批流程记录”。'
            : '标有“需市局审核”的字段，修改后须经市局相关经办人审核后生效；其余字段保存后立即生效。每个物业区域同一时间只能有一份待审核的修改申请。'
        }
      />
      <ProForm<Record<string, unknown>>
        form={form}
        layout="vertical"
        initialValues={{ ...editInitialValues(editable, detail), ...(returned?.payload.proposed ?? {}), reason: returned?.payload.reason ?? undefined }}
        onFinish={submit}
        submitter={{
          searchConfig: { submitText: '提交', resetText: '重置' },
          render: (_, dom) => (
            <Space>
              {dom}
              <Button onClick={() => navigate(`/property-areas/list/${detail.id}`)}>取消</Button>
            </Space>
          ),
        }}
      >
        {groups.map((group) => (
          <ProCard key={group} title={group} headerBordered style={{ marginBottom: 16 }}>
            <ProForm.Group>
              {editable
                .filter((r) => r.groupLabel === group)
                .map((rule) => (
                  <FieldInput key={rule.field} rule={rule} detail={detail} communities={communities} locked={returned !== null && !rule.requiresCityApproval} />
                ))}
            </ProForm.Group>
          </ProCard>
        ))}
        <ProFormTextArea name="reason" label="申请说明" width="xl" placeholder="选填：修改的原因，供市局审核参考" fieldProps={{ maxLength: REASON_MAX, showCount: true, rows: 3 }} />
      </ProForm>
      <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
        当前值以物业区域详情为准；<Link to={`/property-areas/list/${detail.id}`}>返回详情</Link>。
      </Typography.Paragraph>
    </PageContainer>
  );
}

