import { ProCard } from '@ant-design/pro-components';
import type { ParkingAreaTab, ParkingFilingView, Page } from '@szpm/contract';
import { Alert, Descriptions, Empty, Spin, Table, Tag } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { api, errorMessage } from '../../api';
import { filingRows } from '../../logic/parking';

/** 车位信息 of the area detail: the current filing (counts, fees, 车位配比, disputes) and the filing history. */
export function AreaParkingTab({ areaId }: { areaId: number }) {
  const [tab, setTab] = useState<ParkingAreaTab | null>(null);
  const [history, setHistory] = useState<Page<ParkingFilingView> | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    api.parking.areaTab(areaId).then(setTab, (e) => setError(errorMessage(e)));
    api.parking.history(areaId, { pageSize: 20 }).then(setHistory, () => setHistory(null));
  }, [areaId]);

  if (error) return <Alert type="error" showIcon message={error} />;
  if (!tab) return <Spin />;
  if (!tab.current)
    return (
      <div data-testid="parking-tab-empty">
        <Empty description="该项目尚未填报车位信息" />
      </div>
    );
  const current = tab.current;
  return (
    <div data-testid="parking-tab">
      <ProCard
        bordered
        title="车位信息"
        extra={`填报人 ${current.filedByName} · ${dayjs(current.filedAt).format('YYYY-MM-DD HH:mm')}`}
      >
        {tab.ownersFirstWarning && <Alert style={{ marginBottom: 12 }} type="warning" showIcon message="对外开放车位超过满足业主（每户一个车位）后的剩余车位，请关注业主优先使用（民法典第276条）" />}
        <Descriptions column={4} size="small" bordered>
          {filingRows(current).map((row) => (
            <Descriptions.Item key={row.label} label={row.label}>
              {row.value}
            </Descriptions.Item>
          ))}
          <Descriptions.Item label="总户数">{tab.households}</Descriptions.Item>
          <Descriptions.Item label="车位配比">{tab.ratio?.toFixed(2) ?? '-'}</Descriptions.Item>
          <Descriptions.Item label="备注" span={2}>
            {current.remarks ?? '-'}
          </Descriptions.Item>
        </Descriptions>
      </ProCard>
      <ProCard bordered title="车位纠纷" style={{ marginTop: 16 }}>
        {current.disputes.length ? (
          <Table
            rowKey="type"
            size="small"
            pagination={false}
            dataSource={current.disputes}
            columns={[
              { title: '纠纷类型', dataIndex: 'typeLabel' },
              { title: '宗数', dataIndex: 'caseCount', align: 'right' },
              { title: '情况说明', dataIndex: 'note', render: (note: string | null) => note ?? '-' },
            ]}
          />
        ) : (
          <span>无车位纠纷</span>
        )}
      </ProCard>
      {history && history.total > 1 && (
        <ProCard bordered title={`填报历史（${history.total}次）`} style={{ marginTop: 16 }}>
          <Table<ParkingFilingView>
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={history.items}
            columns={[
              { title: '填报时间', dataIndex: 'filedAt', render: (v: string) => dayjs(v).format('YYYY-MM-DD HH:mm') },
              { title: '填报人', dataIndex: 'filedByName' },
              { title: '车位总数', dataIndex: 'total', align: 'right' },
              { title: '人防', dataIndex: 'civilDefence', align: 'right' },
              { title: '充电车位', dataIndex: 'evCharging', align: 'right' },
              { title: '月租标准', dataIndex: 'monthlyFee', align: 'right', render: (v: number | null) => v ?? '-' },
              { title: '状态', dataIndex: 'current', render: (v: boolean) => (v ? <Tag color="green">当前</Tag> : <Tag>已更新</Tag>) },
            ]}
          />
        </ProCard>
      )}
    </div>
  );
}
