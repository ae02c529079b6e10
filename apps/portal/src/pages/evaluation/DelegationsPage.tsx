import { ModalForm, PageContainer, ProFormCheckbox, ProFormDateTimeRangePicker, ProFormSelect, ProFormSwitch, ProFormTextArea, ProTable, type ActionType, type ProColumns } from '@ant-design/pro-components';
import { DELEGATION_STATE_LABELS, DelegationState, type DelegateCandidate, type DelegatedModule, type DelegationView } from '@szpm/contract';
import { Button, message, Modal, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useRef, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { api, errorMessage } from '../../api';
import { delegationProblem, delegationRequest, MATTERS_MAX, terminateConfirmation, type DelegationValues } from '../../logic/evaluation';
import { pagedRequest } from '../../list-table';
import { useSession } from '../../session';

type Direction = 'given' | 'received';
const TABS: Array<{ key: Direction; tab: string }> = [
  { key: 'given', tab: '我发起的委托' },
  { key: 'received', tab: '委托给我的' },
];

const STATE_COLOURS: Record<DelegationState, string> = {
  [DelegationState.NOT_STARTED]: 'default',
  [DelegationState.IN_EFFECT]: 'processing',
  [DelegationState.TERMINATED]: 'warning',
  [DelegationState.EXPIRED]: 'default',
};

type FormValues = Omit<DelegationValues, 'period'> & { period?: [Dayjs | string, Dayjs | string] };
const iso = (value: Dayjs | string) => (typeof value === 'string' ? value : value.toISOString());

/**
 * 代办委托: 发起委托 lends the officer's module grants to a colleague of the same district bureau for
 * a period; 终止 ends it early. 委托给我的 lists what colleagues lent to this officer.
 */
export default function DelegationsPage() {
  const [params, setParams] = useSearchParams();
  const navigate = useNavigate();
  const { actFor } = useSession();
  const direction = TABS.find((t) => t.key === params.get('list'))?.key ?? 'given';
  const table = useRef<ActionType>();
  const [candidates, setCandidates] = useState<DelegateCandidate[]>([]);
  const [modules, setModules] = useState<DelegatedModule[]>([]);

  useEffect(() => {
    api.delegations.candidates().then(setCandidates, (e) => message.error(errorMessage(e)));
    api.delegations.modules().then(setModules, (e) => message.error(errorMessage(e)));
  }, []);

  // every request from now on carries X-On-Behalf-Of: the api acts with the grants the delegator lent
  const startActing = (row: DelegationView) => {
    actFor({ id: row.delegatorId, name: row.delegatorName });
    message.success(`正在代 ${row.delegatorName} 办理`);
    navigate('/');
  };

  const terminate = (row: DelegationView) => {
    const words = terminateConfirmation(row.delegateName);
    Modal.confirm({
      title: words.title,
      content: words.content,
      okText: words.okText,
      okButtonProps: { danger: true },
      cancelText: '取消',
      onOk: async () => {
        try {
          await api.delegations.terminate(row.id);
          message.success(`已终止对 ${row.delegateName} 的委托`);
          table.current?.reload();
        } catch (e) {
          message.error(errorMessage(e));
        }
      },
    });
  };

  const create = async (raw: FormValues) => {
    const values: DelegationValues = { ...raw, period: raw.period ? [iso(raw.period[0]), iso(raw.period[1])] : undefined };
    const problem = delegationProblem(values);
    if (problem) {
      message.error(problem);
      return false;
    }
    try {
      const created = await api.delegations.create(delegationRequest(values));
      message.success(`已委托给 ${created.delegateName}（${created.stateLabel}）`);
      if (direction !== 'given') setParams({ list: 'given' });
      else table.current?.reload();
      return true;
    } catch (e) {
      message.error(errorMessage(e));
      return false;
    }
  };

  const columns: ProColumns<DelegationView>[] = [
    { title: direction === 'given' ? '受托人' : '委托人', dataIndex: direction === 'given' ? 'delegateName' : 'delegatorName', search: false, width: 120 },
    { title: '委托模块', dataIndex: 'modules', search: false, width: 200, render: (_, row) => (row.allModules ? '全部模块' : row.modules.map((m) => m.label).join('、')) },
    { title: '委托代办的事宜', dataIndex: 'matters', search: false, width: 220, ellipsis: true },
    { title: '开始时间', dataIndex: 'startAt', valueType: 'dateTime', search: false, width: 170 },
    { title: '结束时间', dataIndex: 'endAt', valueType: 'dateTime', search: false, width: 170 },
    {
      title: '状态',
      dataIndex: 'state',
      valueType: 'select',
      width: 100,
      valueEnum: Object.fromEntries(Object.values(DelegationState).map((s) => [s, { text: DELEGATION_STATE_LABELS[s] }])),
      render: (_, row) => <Tag color={STATE_COLOURS[row.state]}>{row.stateLabel}</Tag>,
    },
    { title: '终止时间', dataIndex: 'terminatedAt', valueType: 'dateTime', search: false, width: 170 },
    ...(direction === 'given'
      ? [
          {
            title: '操作',
            valueType: 'option',
            fixed: 'right',
            width: 80,
            render: (_, row) =>
              row.state === DelegationState.IN_EFFECT || row.state === DelegationState.NOT_STARTED
                ? [
                    <Button key="end" type="link" danger size="small" onClick={() => terminate(row)} aria-label={`终止对 ${row.delegateName} 的委托`}>
                      终止
                    </Button>,
                  ]
                : [],
          } as ProColumns<DelegationView>,
        ]
      : [
          {
            title: '操作',
            valueType: 'option',
            fixed: 'right',
            width: 100,
            render: (_, row) =>
              row.inEffect
                ? [
                    <Button key="act" type="link" size="small" onClick={() => startActing(row)} aria-label={`代 ${row.delegatorName} 办理`}>
                      代为办理
                    </Button>,
                  ]
                : [],
          } as ProColumns<DelegationView>,
        ]),
  ];

  return (
    <PageContainer
      tabList={TABS}
      tabActiveKey={direction}
      onTabChange={(key) => setParams({ list: key })}
      extra={
        <ModalForm<FormValues>
          title="发起委托"
          width={640}
          modalProps={{ destroyOnClose: true, okText: '确定' }}
          initialValues={{ allModules: true }}
          trigger={<Button type="primary">发起委托</Button>}
          onFinish={create}
        >
          <ProFormSelect
            name="delegateId"
            label="受托人"
            placeholder="本区住建局的其他同事"
            rules={[{ required: true, message: '请选择受托人' }]}
            options={candidates.map((c) => ({ value: c.id, label: `${c.name}（${c.position ?? c.roleLabel}）` }))}
            fieldProps={{ showSearch: true, optionFilterProp: 'label' }}
          />
          <ProFormSwitch name="allModules" label="委托全部模块" />
          <ProFormCheckbox.Group
            name="modules"
            label="委托的模块"
            dependencies={['allModules']}
            options={modules.map((m) => ({ value: m.module, label: m.label }))}
            extra="不委托全部模块时选择；待办事项随每个委托一并委托"
          />
          <ProFormDateTimeRangePicker name="period" label="委托期限" rules={[{ required: true, message: '请选择委托期限' }]} fieldProps={{ format: 'YYYY-MM-DD HH:mm', showTime: { format: 'HH:mm' } }} />
          <ProFormTextArea name="matters" label="委托代办的事宜" rules={[{ required: true, whitespace: true, message: '请填写委托代办的事宜' }]} fieldProps={{ maxLength: MATTERS_MAX, showCount: true, rows: 3 }} />
        </ModalForm>
      }
    >
      <ProTable<DelegationView, { state?: DelegationState }>
        key={direction}
        actionRef={table}
        rowKey="id"
        columns={columns}
        scroll={{ x: 'max-content' }}
        search={{ labelWidth: 'auto' }}
        options={{ reload: true, density: false, setting: false }}
        pagination={{ defaultPageSize: 20 }}
        request={pagedRequest(async ({ current, pageSize, state }) => {
          return (direction === 'given' ? api.delegations.given : api.delegations.received)({ page: current, pageSize, state: state || undefined });
        })}
      />
    </PageContainer>
  );
}
