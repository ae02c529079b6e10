import { DownloadOutlined } from '@ant-design/icons';
import { PageContainer, ProCard, ProTable, type ActionType, type ProColumns } from '@ant-design/pro-components';
import {
  ModuleKey,
  SAFETY_CHECK_OUTCOME_LABELS,
  SAFETY_TARGET_STATUS_LABELS,
  SafetyCheckOutcome,
  SafetyTargetStatus,
  urgeSummary,
  type SafetyAreaStatsItem,
  type SafetyCompanyStatsItem,
  type SafetyInspectionDetail,
  type SafetyTargetForm,
  type SafetyUrgeResult,
} from '@szpm/contract';
import { Button, Checkbox, Col, Descriptions, Drawer, List, message, Popconfirm, Progress, Result, Row, Skeleton, Space, Statistic, Tabs, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useCallback, useEffect, useRef, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { api, errorMessage } from '../../api';
import { canOperate } from '../../logic/notices';
import { useSession } from '../../session';
import { downloadFile } from '../../transfer';
import { LIST_TABLE_DEFAULTS, pagedRequest } from '../../list-table';

/** a project manager is urged about one inspection at most once a day (the api's cooldown) */
const URGE_COOLDOWN_HOURS = 24;
const time = (iso: string | null) => (iso ? dayjs(iso).format('YYYY-MM-DD HH:mm') : '-');
const OUTCOME_COLOURS: Record<SafetyCheckOutcome, string> = { PASS: 'success', FAIL: 'error', NOT_APPLICABLE: 'default' };
const STATUS_COLOURS: Record<SafetyTargetStatus, string> = { PENDING: 'default', DRAFT: 'processing', SUBMITTED: 'success' };

/** One area's results as its project manager filled them, in a drawer. */
function TargetDrawer({ inspectionId, target, onClose }: { inspectionId: number; target: SafetyAreaStatsItem | null; onClose: () => void }) {
  const [form, setForm] = useState<SafetyTargetForm | null>(null);
  useEffect(() => {
    setForm(null);
    if (target) api.safety.targetForm(inspectionId, target.targetId).then(setForm, (e) => message.error(errorMessage(e)));
  }, [inspectionId, target]);
  const photo = (attachmentId: number, fileName: string) =>
    downloadFile(`/safety-inspections/${inspectionId}/areas/${target!.targetId}/photos/${attachmentId}`, {}, fileName).catch((e) => message.error(errorMessage(e)));

  return (
    <Drawer open={target !== null} onClose={onClose} width={720} title={target ? `${target.propertyAreaName} 检查结果` : ''} destroyOnClose>
      {!form ? (
        <Skeleton active />
      ) : (
        <Space direction="vertical" size={16} style={{ width: '100%' }}>
          <Descriptions column={2} size="small" bordered>
            <Descriptions.Item label="填报状态">
              <Tag color={STATUS_COLOURS[form.status]}>{form.statusLabel}</Tag>
              {form.overdue && <Tag color="error">逾期</Tag>}
            </Descriptions.Item>
            <Descriptions.Item label="提交人">{form.submittedByName ?? '-'}</Descriptions.Item>
            <Descriptions.Item label="提交时间">{time(form.submittedAt)}</Descriptions.Item>
            <Descriptions.Item label="最近保存">{time(form.savedAt)}</Descriptions.Item>
            <Descriptions.Item label="结果" span={2}>
              合格 {form.passCount} 项，不合格 {form.failCount} 项，不涉及 {form.notApplicableCount} 项
            </Descriptions.Item>
          </Descriptions>
          {form.indicators.map((indicator) => (
            <ProCard key={indicator.name} title={indicator.name} bordered size="small">
              <List
                size="small"
                dataSource={indicator.items}
                renderItem={(item) => (
                  <List.Item
                    extra={item.result.outcome ? <Tag color={OUTCOME_COLOURS[item.result.outcome]}>{SAFETY_CHECK_OUTCOME_LABELS[item.result.outcome]}</Tag> : <Tag>未填写</Tag>}
                  >
                    <List.Item.Meta
                      title={item.content}
                      description={
                        <>
                          {item.facility && <div>设施设备：{item.facility}</div>}
                          {item.result.note && <div>说明：{item.result.note}</div>}
                          {item.result.photos.map((p) => (
                            <Button key={p.id} type="link" size="small" onClick={() => void photo(p.id, p.fileName)}>
                              {p.fileName}
                            </Button>
                          ))}
                        </>
                      }
                    />
                  </List.Item>
                )}
              />
            </ProCard>
          ))}
        </Space>
      )}
    </Drawer>
  );
}

interface AreaFilters {
  status?: SafetyTargetStatus;
  hasProblems?: boolean;
  search?: string;
}

/** One inspection: what was checked, completion, 按物业项目统计 / 按物业服务企业统计 with 催办, and the 总体情况台账. */
export default function InspectionDetailPage() {
  const id = Number(useParams().id);
  const { me } = useSession();
  const operate = canOperate(me?.modules, ModuleKey.SAFETY_INSPECTIONS);
  const [inspection, setInspection] = useState<SafetyInspectionDetail | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [opened, setOpened] = useState<SafetyAreaStatsItem | null>(null);
  const [exporting, setExporting] = useState(false);
  const areasTable = useRef<ActionType>();
  const companiesTable = useRef<ActionType>();

  const load = useCallback(() => api.safety.detail(id).then(setInspection, (e) => setFailure(errorMessage(e))), [id]);
  useEffect(() => void load(), [load]);

  if (failure) return <Result status="warning" title="无法打开安全检查" subTitle={failure} />;
  if (!inspection) return <Skeleton active style={{ padding: 24 }} />;

  const urge = async (body: { companyId?: number; propertyAreaIds?: number[] }) => {
    try {
      const result: SafetyUrgeResult = await api.safety.urge(id, body);
      message.success(urgeSummary(result, { cooldownHours: URGE_COOLDOWN_HOURS }));
      areasTable.current?.reload();
      companiesTable.current?.reload();
    } catch (e) {
      message.error(errorMessage(e));
    }
  };

  const exportLedger = async () => {
    setExporting(true);
    try {
      const name = await downloadFile(api.safety.ledgerPath(id), {}, `${inspection.title}总体情况台账.xlsx`);
      message.success(`已导出：${name}`);
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setExporting(false);
    }
  };

  const areaColumns: ProColumns<SafetyAreaStatsItem>[] = [
    { title: '填报状态', dataIndex: 'status', valueType: 'select', valueEnum: Object.fromEntries(Object.values(SafetyTargetStatus).map((s) => [s, { text: SAFETY_TARGET_STATUS_LABELS[s] }])), hideInTable: true },
    { title: '发现问题', dataIndex: 'hasProblems', hideInTable: true, formItemProps: { valuePropName: 'checked' }, renderFormItem: () => <Checkbox aria-label="只看发现问题的项目">只看发现问题的项目</Checkbox> },
    { title: '物业项目', dataIndex: 'search', hideInTable: true, fieldProps: { placeholder: '项目名称包含' } },
    { title: '物业项目', dataIndex: 'propertyAreaName', search: false, width: 220 },
    { title: '街道', dataIndex: 'streetName', search: false, width: 110 },
    { title: '社区', dataIndex: 'communityName', search: false, width: 130 },
    { title: '物业服务企业', dataIndex: 'companyName', search: false, width: 220, render: (_, row) => row.companyName ?? '-' },
    { title: '项目负责人', dataIndex: 'projectManagerName', search: false, width: 100, render: (_, row) => row.projectManagerName ?? '-' },
    {
      title: '填报状态',
      key: 'statusTag',
      search: false,
      width: 130,
      render: (_, row) => (
        <>
          <Tag color={STATUS_COLOURS[row.status]}>{row.statusLabel}</Tag>
          {row.overdue && <Tag color="error">逾期</Tag>}
        </>
      ),
    },
    { title: '合格', dataIndex: 'passCount', search: false, width: 70, align: 'right' },
    { title: '不合格', dataIndex: 'failCount', search: false, width: 70, align: 'right' },
    { title: '不涉及', dataIndex: 'notApplicableCount', search: false, width: 70, align: 'right' },
    { title: '提交时间', dataIndex: 'submittedAt', search: false, width: 150, render: (_, row) => time(row.submittedAt) },
    {
      title: '操作',
      valueType: 'option',
      fixed: 'right',
      width: 140,
      render: (_, row) => [
        <Button key="open" type="link" size="small" onClick={() => setOpened(row)} aria-label={`查看 ${row.propertyAreaName} 的检查结果`}>
          查看结果
        </Button>,
        ...(operate && row.status !== SafetyTargetStatus.SUBMITTED
          ? [
              <Popconfirm key="urge" title={`催办“${row.propertyAreaName}”的项目负责人？`} okText="催办" cancelText="取消" onConfirm={() => void urge({ propertyAreaIds: [row.propertyAreaId] })}>
                <Button type="link" size="small" aria-label={`催办 ${row.propertyAreaName}`}>
                  催办
                </Button>
              </Popconfirm>,
            ]
          : []),
      ],
    },
  ];

  const companyColumns: ProColumns<SafetyCompanyStatsItem>[] = [
    { title: '企业名称', dataIndex: 'search', hideInTable: true, fieldProps: { placeholder: '企业名称包含' } },
    { title: '物业服务企业', dataIndex: 'companyName', search: false, width: 260 },
    { title: '应检查', dataIndex: 'targets', search: false, width: 80, align: 'right' },
    { title: '已提交', dataIndex: 'submitted', search: false, width: 80, align: 'right' },
    { title: '未提交', dataIndex: 'outstanding', search: false, width: 80, align: 'right' },
    { title: '逾期', dataIndex: 'overdue', search: false, width: 70, align: 'right' },
    { title: '发现问题', dataIndex: 'problems', search: false, width: 90, align: 'right' },
    { title: '有问题项目', dataIndex: 'areasWithProblems', search: false, width: 100, align: 'right' },
    { title: '完成率', dataIndex: 'completionRate', search: false, width: 150, render: (_, row) => <Progress percent={row.completionRate} size="small" format={(p) => `${p}%`} /> },
    {
      title: '操作',
      valueType: 'option',
      fixed: 'right',
      width: 90,
      render: (_, row) =>
        operate && row.companyId !== null && row.outstanding > 0
          ? [
              <Popconfirm key="urge" title={`催办“${row.companyName}”未提交项目的负责人？`} okText="催办" cancelText="取消" onConfirm={() => void urge({ companyId: row.companyId! })}>
                <Button type="link" size="small" aria-label={`催办 ${row.companyName}`}>
                  催办
                </Button>
              </Popconfirm>,
            ]
          : [],
    },
  ];

  return (
    <PageContainer
      title={inspection.title}
      tags={[<Tag key="kind">{inspection.kindLabel}</Tag>, <Tag key="district">{inspection.districtName}</Tag>]}
      extra={[
        <Link key="stats" to={`/safety-inspections/statistics?inspectionId=${id}`}>
          <Button>查看全部统计</Button>
        </Link>,
        <Button key="ledger" icon={<DownloadOutlined />} loading={exporting} onClick={() => void exportLedger()}>
          导出总体情况台账
        </Button>,
        ...(operate && inspection.outstanding > 0
          ? [
              <Popconfirm key="urge" title="催办全部未提交项目" description={`将提醒 ${inspection.outstanding} 个未提交项目的项目负责人（同一人24小时内只催办一次）。`} okText="催办" cancelText="取消" onConfirm={() => void urge({})}>
                <Button type="primary">催办</Button>
              </Popconfirm>,
            ]
          : []),
      ]}
    >
      <Space direction="vertical" size={16} style={{ width: '100%' }}>
        <ProCard bordered>
          <Row gutter={16} data-testid="inspection-completion">
            {[
              ['应检查项目', inspection.targets],
              ['已提交', inspection.submitted],
              ['未提交', inspection.outstanding],
              ['逾期未提交', inspection.overdue],
              ['发现问题', inspection.problems],
              ['有问题项目', inspection.areasWithProblems],
            ].map(([title, value]) => (
              <Col key={title} span={3}>
                <Statistic title={title} value={value} />
              </Col>
            ))}
            <Col span={6}>
              <Statistic title="完成率" value={inspection.completionRate} suffix="%" />
            </Col>
          </Row>
          <Descriptions column={{ xs: 1, lg: 3 }} size="small" style={{ marginTop: 16 }}>
            <Descriptions.Item label="检查模板">
              {inspection.templateName}（第{inspection.templateVersion}版）
            </Descriptions.Item>
            <Descriptions.Item label="截止日期">{inspection.deadline}</Descriptions.Item>
            <Descriptions.Item label="发起人">
              {inspection.launchedByName}，{time(inspection.createdAt)}
            </Descriptions.Item>
            <Descriptions.Item label="检查说明" span={3}>
              <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{inspection.instructions || '无'}</Typography.Text>
            </Descriptions.Item>
          </Descriptions>
        </ProCard>

        <ProCard bordered>
          <Tabs
            items={[
              {
                key: 'areas',
                label: '按物业项目统计',
                children: (
                  <ProTable<SafetyAreaStatsItem, AreaFilters>
                    actionRef={areasTable}
                    rowKey="targetId"
                    columns={areaColumns}
                    {...LIST_TABLE_DEFAULTS}
                    search={{ ...LIST_TABLE_DEFAULTS.search, defaultCollapsed: false }}
                    request={pagedRequest(async ({ current, pageSize, status, hasProblems, search }) => {
                      return api.safety.areas(id, { page: current, pageSize, status: status || undefined, hasProblems: hasProblems ? true : undefined, search: search || undefined });
                    })}
                  />
                ),
              },
              {
                key: 'companies',
                label: '按物业服务企业统计',
                children: (
                  <ProTable<SafetyCompanyStatsItem, { search?: string }>
                    actionRef={companiesTable}
                    rowKey={(row) => String(row.companyId ?? 'none')}
                    columns={companyColumns}
                    {...LIST_TABLE_DEFAULTS}
                    search={{ ...LIST_TABLE_DEFAULTS.search, defaultCollapsed: false }}
                    request={pagedRequest(async ({ current, pageSize, search }) => {
                      return api.safety.companies(id, { page: current, pageSize, search: search || undefined });
                    })}
                  />
                ),
              },
              {
                key: 'items',
                label: '检查项',
                children: (
                  <Space direction="vertical" style={{ width: '100%' }}>
                    {inspection.indicators.map((indicator, index) => (
                      <ProCard key={`${index}-${indicator.name}`} title={`${index + 1}. ${indicator.name}`} bordered size="small">
                        <List
                          size="small"
                          dataSource={indicator.items}
                          renderItem={(item, i) => (
                            <List.Item extra={item.facility ? <Tag>{item.facility}</Tag> : null}>
                              {index + 1}.{i + 1} {item.content}
                            </List.Item>
                          )}
                        />
                      </ProCard>
                    ))}
                  </Space>
                ),
              },
            ]}
          />
        </ProCard>
      </Space>
      <TargetDrawer inspectionId={id} target={opened} onClose={() => setOpened(null)} />
    </PageContainer>
  );
}
