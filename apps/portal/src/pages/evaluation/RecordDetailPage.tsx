import { ModalForm, PageContainer, ProCard, ProForm, ProFormTextArea } from '@ant-design/pro-components';
import { EvaluationRecordStatus, type BadRecordDetail, type RiskListEntryDetail } from '@szpm/contract';
import { Alert, Button, Descriptions, message, Space, Spin, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { api, errorMessage } from '../../api';
import { publicityPeriod, RECORD_KIND_LABELS, withdrawalEffect, withdrawalTitle, type RecordKind } from '../../logic/evaluation';
import { AttachmentUpload, useCanOperate } from './components';

type Detail = BadRecordDetail | RiskListEntryDetail;
type Mode = 'revocations' | 'restorations';

const when = (iso: string | null) => (iso ? dayjs(iso).format('YYYY-MM-DD HH:mm') : '');

/**
 * One bad record or risk-list entry (不良信息汇总 / 风险名单 → 查看): its content, status and
 * publicity, the forms behind it, and 撤销 / 恢复, which start their forms (录入初审 → 认定审核).
 */
export function RecordDetailPage({ kind }: { kind: RecordKind }) {
  const id = Number(useParams().id);
  const navigate = useNavigate();
  const canOperate = useCanOperate();
  const [detail, setDetail] = useState<Detail | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    setDetail(null);
    setError(null);
    if (!Number.isInteger(id) || id <= 0) {
      setError('记录编号无效');
      return;
    }
    (kind === 'bad-record' ? api.evaluation.badRecord(id) : api.evaluation.riskListEntry(id)).then(setDetail, (e) => setError(errorMessage(e)));
  }, [kind, id]);

  const title = `${RECORD_KIND_LABELS[kind]}详情`;
  if (error) return <PageContainer title={title}><Alert type="error" showIcon message={error} /></PageContainer>;
  if (!detail) return <PageContainer title={title}><Spin /></PageContainer>;

  const bad = kind === 'bad-record' ? (detail as BadRecordDetail) : null;
  const withdrawable = canOperate && detail.status === EvaluationRecordStatus.EFFECTIVE && detail.pendingCaseId === null;
  const start = async (mode: Mode, values: { reason: string; attachmentIds?: number[] }) => {
    try {
      const started = await api.evaluation.withdraw(kind, detail.id, mode, { reason: values.reason.trim(), ...(values.attachmentIds?.length ? { attachmentIds: values.attachmentIds } : {}) });
      message.success(`已提交${withdrawalTitle(kind, mode)}，${started.businessNo} 已转区负责人认定审核`);
      navigate(`/evaluation/cases/${started.id}`);
      return true;
    } catch (e) {
      message.error(errorMessage(e));
      return false;
    }
  };

  const withdrawalButton = (mode: Mode) => (
    <ModalForm<{ reason: string; attachmentIds?: number[] }>
      key={mode}
      title={withdrawalTitle(kind, mode)}
      width={640}
      modalProps={{ destroyOnClose: true, okText: '提交' }}
      trigger={<Button danger={mode === 'revocations'}>{withdrawalTitle(kind, mode)}</Button>}
      onFinish={(values) => start(mode, values)}
    >
      <Typography.Paragraph type="secondary">{withdrawalEffect(kind, mode)}提交后转区负责人认定审核。</Typography.Paragraph>
      <ProFormTextArea
        name="reason"
        label={mode === 'revocations' ? '撤销原因' : '恢复原因'}
        rules={[{ required: true, whitespace: true, message: `请填写${mode === 'revocations' ? '撤销' : '恢复'}原因` }]}
        fieldProps={{ maxLength: 500, showCount: true, rows: 4 }}
      />
      <ProForm.Item name="attachmentIds" label="附件">
        <AttachmentUpload />
      </ProForm.Item>
    </ModalForm>
  );

  return (
    <PageContainer
      title={`${detail.subjectName} · ${detail.itemName}`}
      subTitle={<Tag color={detail.status === EvaluationRecordStatus.EFFECTIVE ? 'success' : 'default'}>{detail.statusLabel}</Tag>}
      extra={withdrawable ? <Space>{(['revocations', 'restorations'] as const).map(withdrawalButton)}</Space> : undefined}
    >
      {detail.pendingCaseId !== null && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          message="该信息有正在办理的撤销或恢复业务单，办结前不能再次发起。"
          action={<Link to={`/evaluation/cases/${detail.pendingCaseId}`}>查看业务单</Link>}
        />
      )}
      <ProCard title={kind === 'bad-record' ? '不良信息与计分信息' : '被纳入风险名单的不良信息'} headerBordered>
        <Descriptions column={2} bordered size="small" data-testid="record-detail">
          <Descriptions.Item label="评价对象">{detail.subjectName}</Descriptions.Item>
          <Descriptions.Item label="对象类型">{detail.subjectTypeLabel}</Descriptions.Item>
          <Descriptions.Item label="所属区">{detail.districtName ?? '-'}</Descriptions.Item>
          <Descriptions.Item label="事项">{detail.itemName}</Descriptions.Item>
          <Descriptions.Item label="情形" span={2}>{detail.circumstanceDescription}</Descriptions.Item>
          {bad && <Descriptions.Item label="等级">第{bad.level}级</Descriptions.Item>}
          {bad && <Descriptions.Item label="分值">{bad.points}分{bad.countOncePerYear ? '（同一事项只计一次，取最高等级计分）' : ''}</Descriptions.Item>}
          <Descriptions.Item label="事实发生日期">{detail.factDate}</Descriptions.Item>
          <Descriptions.Item label="文书编号">{detail.documentNo}</Descriptions.Item>
          <Descriptions.Item label="情况说明" span={2}>{detail.description}</Descriptions.Item>
          <Descriptions.Item label="公示期时长">{detail.publicityMonths}个月</Descriptions.Item>
          <Descriptions.Item label="公示期">{publicityPeriod(detail.publicityStart, detail.publicityEnd)}（{detail.publicityStateLabel}）</Descriptions.Item>
          <Descriptions.Item label="认定业务单">
            <Link to={`/evaluation/cases/${detail.determinationCaseId}`}>查看认定审批记录</Link>
          </Descriptions.Item>
          <Descriptions.Item label="录入时间">{when(detail.createdAt)}</Descriptions.Item>
          {bad && bad.countOnceGroupRecordIds.length > 1 && (
            <Descriptions.Item label="同年度同一事项" span={2}>
              <Space wrap>
                {bad.countOnceGroupRecordIds.filter((rid) => rid !== bad.id).map((rid) => (
                  <Link key={rid} to={`/evaluation/bad-records/${rid}`}>关联记录 {rid}</Link>
                ))}
              </Space>
            </Descriptions.Item>
          )}
          {detail.revocationCaseId !== null && (
            <Descriptions.Item label="撤销" span={2}>
              {detail.revokedAt ? `${when(detail.revokedAt)} 已撤销：` : ''}
              {detail.revocationReason} <Link to={`/evaluation/cases/${detail.revocationCaseId}`}>审批记录</Link>
            </Descriptions.Item>
          )}
          {detail.restorationCaseId !== null && (
            <Descriptions.Item label="恢复" span={2}>
              {detail.restoredAt ? `${when(detail.restoredAt)} 已恢复：` : ''}
              {detail.restorationReason} <Link to={`/evaluation/cases/${detail.restorationCaseId}`}>审批记录</Link>
            </Descriptions.Item>
          )}
        </Descriptions>
      </ProCard>
    </PageContainer>
  );
}
