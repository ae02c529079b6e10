import { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { PractitionerStatus, RosterFiling } from '@szpm/contract';
import { useState } from 'react';
import { api } from '../../../api';
import { PagedListView } from '../../../components/PagedListView';
import { SegmentTabs } from '../../../components/SegmentTabs';
import { useListPage } from '../../../hooks/useListPage';
import { usePagedList } from '../../../hooks/usePagedList';
import { ROUTES } from '../../../routes';
import { toast, toastError } from '../../../utils/feedback';
import { go, intParam } from '../../../utils/navigation';
import { Button } from '../../../ui/button';
import { PractitionerCard } from '../../practitioners/area-tab';

/**
 * 从业人员 of an own project (`?areaId=`, the project manager): the roster on duty / 离职, each person
 * opening its edit page (修改, 证书, 标记离职); 添加人员; 确认已更新 when nothing changed (answers 提醒更新).
 */
export default function Roster() {
  const areaId = intParam(useRouter().params, 'areaId');
  const [status, setStatus] = useState<PractitionerStatus>(PractitionerStatus.ON_DUTY);
  const [filing, setFiling] = useState<RosterFiling | null>(null);
  const [busy, setBusy] = useState(false);
  const list = usePagedList(
    (page, pageSize) =>
      areaId === null
        ? Promise.reject(new Error('物业区域编号不正确'))
        : api.practitioners.areaRoster(areaId, { status, page, pageSize }).then((answer) => {
            setFiling(answer);
            return answer;
          }),
    [areaId, status],
  );
  useListPage(list, { refreshOnReturn: true });

  const confirm = async () => {
    if (areaId === null) return;
    setBusy(true);
    try {
      setFiling(await api.practitioners.confirm(areaId));
      toast('已确认：本项目从业人员信息为最新');
    } catch (error) {
      toastError(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <View className="page page--list" id="roster">
      <Text className="muted" id="roster-filing">
        {filing?.filed && filing.lastUpdatedAt ? `已填报，最近更新 ${filing.lastUpdatedAt.slice(0, 10)}` : '尚未填报：请添加或导入本项目的从业人员'}
      </Text>
      <View className="actions actions--inline">
        <Button id="roster-add" type="primary" size="small" onClick={() => go(ROUTES.rosterEdit, { areaId })}>
          添加人员
        </Button>
        <Button id="roster-confirm" size="small" fill="outline" loading={busy} onClick={() => void confirm()}>
          确认已更新
        </Button>
      </View>
      <SegmentTabs
        id="roster-status"
        tabs={[
          { value: PractitionerStatus.ON_DUTY, label: '在岗' },
          { value: PractitionerStatus.LEFT, label: '离职' },
        ]}
        value={status}
        onChange={setStatus}
      />
      <PagedListView
        list={list}
        id="roster-list"
        emptyText={status === PractitionerStatus.ON_DUTY ? '暂无在岗人员' : '暂无离职人员'}
        renderItem={(p) => <PractitionerCard key={p.id} practitioner={p} onClick={() => go(ROUTES.rosterEdit, { areaId, id: p.id })} />}
      />
    </View>
  );
}
