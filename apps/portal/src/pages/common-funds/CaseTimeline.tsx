import type { CommonFundCase } from '@szpm/contract';
import { Descriptions, Timeline } from 'antd';
import dayjs from 'dayjs';

/** One escalation case: its particulars and every step on a timeline (the clock's steps have no officer). */
export function CaseTimeline({ item }: { item: CommonFundCase }) {
  return (
    <>
      <Descriptions size="small" column={2} style={{ marginBottom: 16 }}>
        <Descriptions.Item label="物业项目">{item.propertyAreaName}</Descriptions.Item>
        <Descriptions.Item label="督办阶段">{item.stageLabel}</Descriptions.Item>
        <Descriptions.Item label="起算日期">{item.triggerDate}</Descriptions.Item>
        <Descriptions.Item label="应开户截止">{item.dueDate}</Descriptions.Item>
        {item.orderNo && <Descriptions.Item label="责令整改">{`${item.orderNo}（${item.orderDate}，期限至 ${item.rectifyDeadline}）`}</Descriptions.Item>}
        {item.penaltyNo && <Descriptions.Item label="行政处罚">{`${item.penaltyNo}（${item.penaltyDate}，罚款 ${item.penaltyAmount?.toFixed(2)} 元）`}</Descriptions.Item>}
      </Descriptions>
      <Timeline
        data-testid="common-fund-case-timeline"
        items={item.events.map((e) => ({
          key: e.id,
          color: e.stage === 'CLOSED_OPENED' ? 'green' : e.stage === 'PENALISED' ? 'red' : 'blue',
          children: (
            <>
              <strong>{e.stageLabel}</strong> · {dayjs(e.at).format('YYYY-MM-DD HH:mm')}
              {e.actorName ? `（${e.actorName}）` : '（系统）'}
              <div>{e.note}</div>
            </>
          ),
        }))}
      />
    </>
  );
}
