/** Pieces the chapter 22 pages share: a case's sections read-only, its 历程, the duplicate warning (attachments: evaluation/components). */
import { ProCard } from '@ant-design/pro-components';
import {
  DISPUTE_DISPOSAL_LABELS,
  DISPUTE_DUPLICATE_REASON_LABELS,
  DISPUTE_DUPLICATE_WARNING,
  DISPUTE_OUTCOME_LABELS,
  DISPUTE_PARTY_KIND_LABELS,
  DISPUTE_SOURCE_LABELS,
  DISPUTE_URGENCY_LABELS,
  PETITION_CATEGORY_LABELS,
  PETITION_FORM_LABELS,
  WorkflowAction,
  type DisputeCategoryView,
  type DisputeDetail,
  type DisputeDuplicate,
  type DisputeDuplicateResult,
  type DisputeParty,
  type WorkflowHistoryEntry,
} from '@szpm/contract';
import { Alert, Button, Descriptions, Empty, message, Modal, Space, Table, Tag, Timeline, Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { errorMessage } from '../../api';
import { AttachmentLinks } from '../evaluation/components';
import { disputesApi } from './endpoints';

export const dateTime = (at: string | null | undefined): string => (at ? dayjs(at).format('YYYY-MM-DD HH:mm') : '-');
const dash = (value: string | number | null | undefined) => (value === null || value === undefined || value === '' ? '-' : value);
const partyText = (party: DisputeParty) => `${DISPUTE_PARTY_KIND_LABELS[party.kind]} · ${party.name}${party.phone ? `（${party.phone}）` : ''}`;

/** 问题分类 of the catalogue (active ones first), for the search form and the entry form. */
export function useCategories(): DisputeCategoryView[] {
  const [categories, setCategories] = useState<DisputeCategoryView[]>([]);
  useEffect(() => {
    disputesApi.categories().then(setCategories, (e) => message.error(errorMessage(e)));
  }, []);
  return categories;
}



const HISTORY_COLORS: Partial<Record<WorkflowAction, string>> = {
  [WorkflowAction.APPROVE_CLOSE]: 'green',
  [WorkflowAction.SEND_BACK]: 'red',
  [WorkflowAction.RETURN_TO_PREVIOUS]: 'orange',
  [WorkflowAction.EDIT]: 'gray',
};

/** 历程: every step with who (and in which role), when, the opinion; 修改 shows its remark (before → after). */
export function HistoryTimeline({ history }: { history: readonly WorkflowHistoryEntry[] }) {
  if (!history.length) return <Empty description="暂无历程" />;
  return (
    <Timeline
      data-testid="dispute-history"
      items={history.map((entry) => ({
        key: entry.seq,
        color: HISTORY_COLORS[entry.action] ?? 'blue',
        children: (
          <div data-testid="dispute-history-entry">
            <Space wrap>
              <strong>{entry.actionLabel}</strong>
              <span>
                {entry.actorName}
                {entry.onBehalfOfName ? ` 代 ${entry.onBehalfOfName}` : ''}（{entry.actorRoleLabel}）
              </span>
              <Typography.Text type="secondary">{dateTime(entry.at)}</Typography.Text>
            </Space>
            {entry.opinion && <div>意见：{entry.opinion}</div>}
            {entry.remark && <div style={{ whiteSpace: 'pre-wrap' }}>{entry.action === WorkflowAction.EDIT ? '修改内容：' : '备注：'}{entry.remark}</div>}
            {entry.attachments.length > 0 && (
              <div>
                附件：<AttachmentLinks attachments={entry.attachments} />
              </div>
            )}
          </div>
        ),
      }))}
    />
  );
}

/** A case's sections read-only: 地址信息, 业务信息, 信访信息, 附件, 办理时限 and, once handled, 处理. */
export function DisputeSections({ detail }: { detail: DisputeDetail }) {
  const handling = detail.handling;
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <ProCard bordered title="地址信息" id="dispute-address">
        <Descriptions size="small" column={3}>
          <Descriptions.Item label="所属区域">{detail.districtName}</Descriptions.Item>
          <Descriptions.Item label="所属街道">{detail.streetName}</Descriptions.Item>
          <Descriptions.Item label="所属社区">{detail.communityName}</Descriptions.Item>
          <Descriptions.Item label="小区名称">{detail.propertyAreaName}</Descriptions.Item>
          <Descriptions.Item label="详细地址" span={2}>
            {dash(detail.address)}
          </Descriptions.Item>
        </Descriptions>
      </ProCard>
      <ProCard bordered title="业务信息" id="dispute-business">
        <Descriptions size="small" column={3}>
          <Descriptions.Item label="编号">{detail.businessNo}</Descriptions.Item>
          <Descriptions.Item label="状态">
            <Tag color={detail.status === 'APPROVED' ? 'green' : 'blue'}>{detail.statusLabel}</Tag>
            {detail.followUp && <Tag color="orange">案结事未了（回访）</Tag>}
          </Descriptions.Item>
          <Descriptions.Item label="问题分类">{detail.categoryName}</Descriptions.Item>
          <Descriptions.Item label="纠纷简述" span={3}>
            <span style={{ whiteSpace: 'pre-wrap' }}>{detail.summary}</span>
          </Descriptions.Item>
          <Descriptions.Item label="诉求" span={3}>
            <span style={{ whiteSpace: 'pre-wrap' }}>{detail.demand}</span>
          </Descriptions.Item>
          <Descriptions.Item label="涉及人数">{detail.peopleCount}</Descriptions.Item>
          <Descriptions.Item label="申请方">{partyText(detail.applicant)}</Descriptions.Item>
          <Descriptions.Item label="被申请方">{partyText(detail.respondent)}</Descriptions.Item>
          <Descriptions.Item label="来源">{DISPUTE_SOURCE_LABELS[detail.source]}</Descriptions.Item>
          <Descriptions.Item label="紧急程度">{DISPUTE_URGENCY_LABELS[detail.urgency]}</Descriptions.Item>
          <Descriptions.Item label="录入">{`${detail.enteredByName} ${dateTime(detail.enteredAt)}`}</Descriptions.Item>
          {detail.importBatchNo && <Descriptions.Item label="导入批次">{detail.importBatchNo}</Descriptions.Item>}
        </Descriptions>
      </ProCard>
      <ProCard bordered title="信访信息" id="dispute-petition">
        {detail.petition ? (
          <Descriptions size="small" column={3}>
            <Descriptions.Item label="信访件编号">{dash(detail.petition.petitionNo)}</Descriptions.Item>
            <Descriptions.Item label="信访人">{detail.petition.petitioner}</Descriptions.Item>
            <Descriptions.Item label="联系电话">{dash(detail.petition.phone)}</Descriptions.Item>
            <Descriptions.Item label="信访形式">{PETITION_FORM_LABELS[detail.petition.form]}</Descriptions.Item>
            <Descriptions.Item label="信访日期">{detail.petition.date}</Descriptions.Item>
            <Descriptions.Item label="是否集体访">{detail.petition.collective ? '是' : '否'}</Descriptions.Item>
            <Descriptions.Item label="信访类别">{PETITION_CATEGORY_LABELS[detail.petition.category]}</Descriptions.Item>
          </Descriptions>
        ) : (
          <Typography.Text type="secondary">无信访信息</Typography.Text>
        )}
      </ProCard>
      <ProCard bordered title="附件" id="dispute-attachments">
        <AttachmentLinks attachments={detail.attachments} />
      </ProCard>
      <ProCard bordered title="办理时限" id="dispute-deadline">
        <Space>
          <span>{detail.deadline}</span>
          {detail.overdue && <Tag color="red">已超期</Tag>}
          {detail.closedAt && <span>办结时间：{dateTime(detail.closedAt)}</span>}
        </Space>
      </ProCard>
      {handling && (
        <ProCard bordered title="处理" id="dispute-handling">
          <Descriptions size="small" column={3}>
            <Descriptions.Item label="处置方式">{DISPUTE_DISPOSAL_LABELS[handling.disposal]}</Descriptions.Item>
            <Descriptions.Item label="处置情况">{DISPUTE_OUTCOME_LABELS[handling.outcome]}</Descriptions.Item>
            <Descriptions.Item label="答复日期">{handling.repliedAt}</Descriptions.Item>
            <Descriptions.Item label="化解疏导情况" span={3}>
              <span style={{ whiteSpace: 'pre-wrap' }}>{handling.handlingNote}</span>
            </Descriptions.Item>
            <Descriptions.Item label="存在问题" span={3}>
              {dash(handling.issues ?? detail.issues)}
            </Descriptions.Item>
          </Descriptions>
        </ProCard>
      )}
    </Space>
  );
}

const DUPLICATE_COLUMNS = [
  { title: '编号', dataIndex: 'businessNo', width: 150, render: (no: string, row: DisputeDuplicate) => <Link to={`/disputes/${row.id}`} target="_blank">{no}</Link> },
  { title: '小区', dataIndex: 'propertyAreaName', width: 160 },
  { title: '问题分类', dataIndex: 'categoryName', width: 120 },
  { title: '纠纷简述', dataIndex: 'summary', ellipsis: true },
  { title: '状态', dataIndex: 'statusLabel', width: 140 },
  { title: '录入时间', dataIndex: 'enteredAt', width: 140, render: (at: string) => dateTime(at) },
  { title: '重复原因', dataIndex: 'reasons', width: 200, render: (reasons: DisputeDuplicate['reasons']) => reasons.map((r) => DISPUTE_DUPLICATE_REASON_LABELS[r]).join('、') },
];

/** 「您录入的信息与历史数据存在重复 查看>」 and the dialog of the earlier cases; a warning only, never blocking. */
export function DuplicateAlert({ result }: { result: DisputeDuplicateResult | null }) {
  const [open, setOpen] = useState(false);
  if (!result?.duplicate) return null;
  return (
    <>
      <Alert
        type="warning"
        showIcon
        data-testid="dispute-duplicate-warning"
        style={{ marginBottom: 16 }}
        message={
          <Space>
            <span>{DISPUTE_DUPLICATE_WARNING}</span>
            <Button type="link" size="small" style={{ padding: 0 }} onClick={() => setOpen(true)}>
              查看&gt;
            </Button>
          </Space>
        }
      />
      <Modal open={open} onCancel={() => setOpen(false)} footer={null} width={1100} title={`可能重复的矛盾纠纷件（近 ${result.windowDays} 天）`} destroyOnClose>
        <Table<DisputeDuplicate> id="dispute-duplicates" rowKey="id" size="small" columns={DUPLICATE_COLUMNS} dataSource={result.items} pagination={false} scroll={{ x: 'max-content' }} />
      </Modal>
    </>
  );
}
