import Taro from '@tarojs/taro';
import { useListPage } from '../../hooks/useListPage';
import { Text, View } from '@tarojs/components';
import { DelegationState, DelegationView } from '@szpm/contract';
import { useState } from 'react';
import { api, apiClient } from '../../api';
import { useConfirmDialog } from '../../components/ConfirmDialog';
import { PagedListView } from '../../components/PagedListView';
import { SegmentTabs } from '../../components/SegmentTabs';
import { usePagedList } from '../../hooks/usePagedList';
import { terminateConfirmation } from '../../logic/delegation-form';
import { formatDateTime } from '../../logic/format';
import { ROUTES } from '../../routes';
import { session } from '../../session';
import { toastError, toastSuccess } from '../../utils/feedback';
import { go } from '../../utils/navigation';
import { Button } from '../../ui/button';
import { Tag } from '../../ui/tag';

type Tab = 'given' | 'received';

const STATE_TAG: Record<DelegationState, 'primary' | 'success' | 'default' | 'warning'> = {
  [DelegationState.NOT_STARTED]: 'warning',
  [DelegationState.IN_EFFECT]: 'success',
  [DelegationState.TERMINATED]: 'default',
  [DelegationState.EXPIRED]: 'default',
};

/** 代办委托: my delegations (发起委托, 终止) and those given to me (代为办理 while in effect). */
export default function Delegations() {
  const [tab, setTab] = useState<Tab>('given');
  const list = usePagedList((page, pageSize) => (tab === 'given' ? api.delegations.given({ page, pageSize }) : api.delegations.received({ page, pageSize })), [tab]);
  useListPage(list, { refreshOnReturn: true });
  const confirmation = useConfirmDialog('delegation-confirm');

  const terminate = async (delegation: DelegationView) => {
    if (!(await confirmation.ask(terminateConfirmation(delegation.delegateName)))) return;
    try {
      await api.delegations.terminate(delegation.id);
      toastSuccess('已终止');
      void list.refresh();
    } catch (error) {
      toastError(error);
    }
  };

  const actFor = (delegation: DelegationView) => {
    apiClient.actOnBehalfOf(delegation.delegatorId);
    session.setActingFor({ id: delegation.delegatorId, name: delegation.delegatorName });
    toastSuccess(`正在代 ${delegation.delegatorName} 办理`);
    void Taro.reLaunch({ url: ROUTES.home });
  };

  return (
    <View className="page page--list" id="delegations">
      <SegmentTabs
        id="delegations-tabs"
        tabs={[
          { value: 'given', label: '我发起的委托' },
          { value: 'received', label: '委托给我的' },
        ]}
        value={tab}
        onChange={setTab}
      />
      {tab === 'given' && (
        <Button id="delegations-create" type="primary" block onClick={() => go(ROUTES.delegationCreate)}>
          发起委托
        </Button>
      )}
      <PagedListView
        list={list}
        id="delegations-list"
        emptyText={tab === 'given' ? '您还没有发起委托' : '暂无委托给您的事项'}
        renderItem={(d) => (
          <View key={d.id} className="card" id={`delegation-${d.id}`}>
            <View className="case-card__head">
              <Text className="case-card__title">{tab === 'given' ? `委托给 ${d.delegateName}` : `${d.delegatorName} 委托给我`}</Text>
              <Tag type={STATE_TAG[d.state]}>{d.stateLabel}</Tag>
            </View>
            <Text className="muted">委托事宜：{d.matters}</Text>
            <Text className="muted">委托权限：{d.allModules ? '本人的全部模块权限' : d.modules.map((m) => m.label).join('、')}</Text>
            <Text className="muted">
              期限：{formatDateTime(d.startAt)} 至 {formatDateTime(d.endAt)}
            </Text>
            {d.terminatedAt && <Text className="muted">终止于 {formatDateTime(d.terminatedAt)}</Text>}
            <View className="actions actions--inline">
              {tab === 'given' && (d.state === DelegationState.IN_EFFECT || d.state === DelegationState.NOT_STARTED) && (
                <Button id={`delegation-${d.id}-terminate`} size="small" type="danger" fill="outline" onClick={() => void terminate(d)}>
                  终止
                </Button>
              )}
              {tab === 'received' && d.inEffect && (
                <Button id={`delegation-${d.id}-act`} size="small" type="primary" onClick={() => actFor(d)}>
                  代为办理
                </Button>
              )}
            </View>
          </View>
        )}
      />
      {confirmation.dialog}
    </View>
  );
}
