import { PageContainer, ProCard, ProTable } from '@ant-design/pro-components';
import { EvaluationSubjectType, ScoreLineKind, type ScoreDetail, type ScoreLine } from '@szpm/contract';
import { Alert, Button, Descriptions, Modal, Spin, Statistic, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { api, errorMessage } from '../../api';
import { cycleLabel, SCORE_LINE_LABELS, signedPoints } from '../../logic/evaluation';

/** One subject's score of a cycle: 基础信息 / 良好信息 / 不良信息 得分, each line with its rule, and 计分周期说明. */
export default function ScoreDetailPage() {
  const { subjectType, subjectId } = useParams();
  const cycle = useSearchParams()[0].get('cycle') ?? undefined;
  const [detail, setDetail] = useState<ScoreDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [explaining, setExplaining] = useState(false);

  useEffect(() => {
    setDetail(null);
    setError(null);
    const type = Object.values(EvaluationSubjectType).find((t) => t === subjectType);
    const id = Number(subjectId);
    if (!type || !Number.isInteger(id) || id <= 0) {
      setError('评价对象无效');
      return;
    }
    api.evaluation.score(type, id, cycle).then(setDetail, (e) => setError(errorMessage(e)));
  }, [subjectType, subjectId, cycle]);

  if (error) return <PageContainer title="得分详情"><Alert type="error" showIcon message={error} /></PageContainer>;
  if (!detail) return <PageContainer title="得分详情"><Spin /></PageContainer>;

  return (
    <PageContainer
      title={detail.subjectName}
      subTitle={`${detail.cycle.label || cycleLabel(detail.cycleKey)}（${detail.cycle.start} 至 ${detail.cycle.end}）`}
      extra={<Button onClick={() => setExplaining(true)}>计分周期说明</Button>}
    >
      <ProCard gutter={16} ghost>
        <ProCard><Statistic title="总分" value={detail.total} suffix={<Tag color="blue">{detail.grade}</Tag>} /></ProCard>
        <ProCard><Statistic title="基础信息得分" value={detail.basicScore} /></ProCard>
        <ProCard><Statistic title="良好信息得分" value={detail.goodScore} suffix={detail.goodRawScore !== detail.goodScore ? `（未封顶 ${detail.goodRawScore}）` : undefined} /></ProCard>
        <ProCard><Statistic title="不良信息扣分" value={detail.badScore} /></ProCard>
      </ProCard>
      <ProCard title="计分明细" headerBordered style={{ marginTop: 16 }}>
        <ProTable<ScoreLine>
          rowKey={(row) => `${row.kind}-${row.recordId ?? 'none'}-${row.rule}`}
          search={false}
          options={false}
          pagination={false}
          dataSource={detail.lines}
          scroll={{ x: 'max-content' }}
          columns={[
            { title: '类别', dataIndex: 'kind', width: 120, render: (_, row) => SCORE_LINE_LABELS[row.kind] },
            { title: '分值', dataIndex: 'points', width: 90, render: (_, row) => (row.kind === ScoreLineKind.GRADE ? '-' : signedPoints(row.points)) },
            { title: '是否计分', dataIndex: 'counted', width: 90, render: (_, row) => (row.counted ? '计分' : <Typography.Text type="secondary">不计分</Typography.Text>) },
            { title: '计分依据', dataIndex: 'rule', width: 560 },
            {
              title: '信息',
              dataIndex: 'recordId',
              width: 100,
              render: (_, row) => (row.recordId !== null && row.kind === ScoreLineKind.BAD_RECORD ? <Link to={`/evaluation/bad-records/${row.recordId}`}>查看</Link> : '-'),
            },
          ]}
        />
      </ProCard>
      <ProCard title="计分情况" headerBordered style={{ marginTop: 16 }}>
        <Descriptions column={3} size="small">
          <Descriptions.Item label="不良信息">{detail.badRecordCount}条</Descriptions.Item>
          <Descriptions.Item label="良好信息">{detail.goodRecordCount}条</Descriptions.Item>
          <Descriptions.Item label="计算时间">{dayjs(detail.computedAt).format('YYYY-MM-DD HH:mm')}</Descriptions.Item>
        </Descriptions>
      </ProCard>
      <Modal title="计分周期说明" open={explaining} onCancel={() => setExplaining(false)} footer={<Button type="primary" onClick={() => setExplaining(false)}>知道了</Button>}>
        <ol style={{ paddingLeft: 20 }}>
          {detail.explanation.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ol>
      </Modal>
    </PageContainer>
  );
}
