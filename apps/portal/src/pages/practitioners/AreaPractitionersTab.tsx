import { ProCard } from '@ant-design/pro-components';
import { Descriptions } from 'antd';
import { useState } from 'react';
import dayjs from 'dayjs';
import { api } from '../../api';
import { PeopleTable } from './PeopleTable';

/** The area detail's 项目从业人员信息: the roster (on duty first, masked unless the reader may see it whole) and its filing. */
export function AreaPractitionersTab({ areaId }: { areaId: number }) {
  const [filing, setFiling] = useState<{ filed: boolean; lastUpdatedAt: string | null; lastUpdatedByName: string | null; onDuty: number } | null>(null);
  return (
    <ProCard bordered>
      {filing && (
        <Descriptions size="small" column={3} style={{ marginBottom: 12 }}>
          <Descriptions.Item label="在岗人数">{filing.onDuty}</Descriptions.Item>
          <Descriptions.Item label="填报状态">{filing.filed ? '已填报' : '未填报'}</Descriptions.Item>
          <Descriptions.Item label="最近更新">{filing.lastUpdatedAt ? `${dayjs(filing.lastUpdatedAt).format('YYYY-MM-DD HH:mm')}${filing.lastUpdatedByName ? `（${filing.lastUpdatedByName}）` : ''}` : '-'}</Descriptions.Item>
        </Descriptions>
      )}
      <PeopleTable
        id="area-practitioners"
        load={async (page, pageSize) => {
          const answer = await api.practitioners.areaRoster(areaId, { page, pageSize });
          setFiling(answer);
          return answer;
        }}
      />
    </ProCard>
  );
}
