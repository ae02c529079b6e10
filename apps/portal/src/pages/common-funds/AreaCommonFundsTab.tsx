import { ProCard } from '@ant-design/pro-components';
import type { AreaCommonFunds } from '@szpm/contract';
import { Alert, Empty, Spin, Table, Tag } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { api, errorMessage } from '../../api';
import { yuan } from '../../logic/common-funds';
import { CaseTimeline } from './CaseTimeline';

/** The area detail's 共有资金信息: the accounts, the latest transactions and the escalation timeline. */
export function AreaCommonFundsTab({ areaId }: { areaId: number }) {
  const [data, setData] = useState<AreaCommonFunds | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    api.commonFunds.areaTab(areaId).then(setData, (e) => setError(errorMessage(e)));
  }, [areaId]);
  if (error) return <Alert type="warning" showIcon message={error} />;
  if (!data) return <Spin />;
  return (
    <ProCard bordered direction="column" gutter={[0, 16]} data-testid="area-common-funds">
      <ProCard title="共有资金账户" extra={data.shouldOpen ? <Tag color="blue">应开共有资金账户</Tag> : <Tag>无需开户</Tag>}>
        {data.accounts.length ? (
          <Table
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={data.accounts}
            scroll={{ x: 'max-content' }}
            columns={[
              { title: '账户号码', dataIndex: 'accountNo' },
              { title: '户名', dataIndex: 'accountName' },
              { title: '开户行', dataIndex: 'bankName' },
              { title: '账户类型', dataIndex: 'accountTypeLabel' },
              { title: '账户状态', dataIndex: 'statusLabel', render: (label: string, a) => (a.abnormal ? <Tag color="red">{`${label}·异常`}</Tag> : label) },
              { title: '登记人', dataIndex: 'registrant' },
              { title: '登记时间', dataIndex: 'registeredAt', render: (v: string) => dayjs(v).format('YYYY-MM-DD') },
              { title: '余额（元）', dataIndex: 'balance', align: 'right', render: (v: number) => yuan(v) },
            ]}
          />
        ) : (
          <Empty description="尚未登记共有资金账户" />
        )}
      </ProCard>
      {data.latestTransactions.length > 0 && (
        <ProCard title="最近流水">
          <Table
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={data.latestTransactions}
            columns={[
              { title: '交易时间', dataIndex: 'transTime', render: (v: string) => dayjs(v).format('YYYY-MM-DD HH:mm') },
              { title: '账户', dataIndex: 'accountNo' },
              { title: '借贷', dataIndex: 'directionLabel' },
              { title: '金额（元）', dataIndex: 'amount', align: 'right', render: (v: number) => yuan(v) },
              { title: '余额（元）', dataIndex: 'balance', align: 'right', render: (v: number) => yuan(v) },
              { title: '摘要', dataIndex: 'summary' },
            ]}
          />
        </ProCard>
      )}
      {data.cases.map((c) => (
        <ProCard key={c.id} title={`逾期未开户督办 · ${c.stageLabel}`}>
          <CaseTimeline item={c} />
        </ProCard>
      ))}
    </ProCard>
  );
}
