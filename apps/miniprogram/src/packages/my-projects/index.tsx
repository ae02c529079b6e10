import Taro, { useDidShow, usePullDownRefresh, useReachBottom, useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { PropertyAreaListItem, Role } from '@szpm/contract';
import { useRef, useState } from 'react';
import { api } from '../../api';
import { CaseCard } from '../../components/CaseCard';
import { HomeLink } from '../../components/HomeLink';
import { LoadState } from '../../components/LoadState';
import { PagedListView } from '../../components/PagedListView';
import { SegmentTabs } from '../../components/SegmentTabs';
import { useLoader } from '../../hooks/useLoader';
import { usePagedList } from '../../hooks/usePagedList';
import { areaPlace, areaSizeText, managementText } from '../../logic/property-areas';
import { ROUTES } from '../../routes';
import { useSession } from '../../session';
import { go } from '../../utils/navigation';
import { Button } from '../../ui/button';

type Tab = 'projects' | 'applications';

/**
 * 我的项目 (counterpart accounts: project managers, property companies): the projects they run, each
 * opening its detail, with 项目登记 / 更新登记信息 / 项目经理变更; and 我的申请 — what they filed, with its
 * status (the form itself, with its 审批流程记录, on the workflow case page). `?tab=applications` opens it.
 */
export default function MyProjects() {
  const { params } = useRouter();
  const [tab, setTab] = useState<Tab>(params.tab === 'applications' ? 'applications' : 'projects');
  const projects = useLoader(() => api.propertyAreas.mine(), []);
  const applications = usePagedList((page, pageSize) => api.propertyAreas.myApplications({ page, pageSize }), [], { enabled: tab === 'applications' });
  const shown = useRef(false);
  // back from a form: the lists changed
  useDidShow(() => {
    if (shown.current) void Promise.all([projects.reload(), tab === 'applications' ? applications.refresh() : undefined]);
    shown.current = true;
  });
  usePullDownRefresh(() => void Promise.all([projects.reload(), tab === 'applications' ? applications.refresh() : undefined]).finally(() => Taro.stopPullDownRefresh()));
  useReachBottom(() => void (tab === 'applications' ? applications.loadMore() : undefined));

  return (
    <View className="page page--list" id="my-projects">
      <HomeLink />
      <SegmentTabs
        id="my-projects-tabs"
        tabs={[
          { value: 'projects', label: '我的项目' },
          { value: 'applications', label: '我的申请' },
        ]}
        value={tab}
        onChange={setTab}
      />
      {tab === 'projects' ? (
        <>
          <Button id="my-projects-register" type="primary" block onClick={() => go(ROUTES.projectRegistration)}>
            项目登记（登记新项目）
          </Button>
          <LoadState loaded={projects} id="my-projects-list" homeLink={false}>
            {(areas) =>
              areas.length === 0 ? (
                <View className="state-box" id="my-projects-empty">
                  <Text className="muted">您名下暂无物业项目。新接管的项目请点击上方「项目登记」，区住房建设部门审核通过后出现在这里。</Text>
                </View>
              ) : (
                <View id="my-projects-areas">
                  {areas.map((area) => (
                    <MyProject key={area.id} area={area} />
                  ))}
                </View>
              )
            }
          </LoadState>
        </>
      ) : (
        <PagedListView
          list={applications}
          id="my-applications"
          emptyText="暂无申请"
          emptyHint="项目登记和项目经理变更提交后，审核进度在这里查看"
          renderItem={(item) => <CaseCard key={item.id} item={item} actionLabel="查看" />}
        />
      )}
    </View>
  );
}

function MyProject({ area }: { area: PropertyAreaListItem }) {
  const { me } = useSession();
  return (
    <View className="card" id={`my-project-${area.id}`}>
      <View onClick={() => go(ROUTES.propertyAreaDetail, { id: area.id })} id={`my-project-${area.id}-open`}>
        <Text className="case-card__title">{area.name}</Text>
        <Text className="muted">{areaPlace(area)}</Text>
        <Text className="muted">物业服务企业：{managementText(area)}</Text>
        <Text className="muted">{areaSizeText(area)}</Text>
        <Text className="muted">项目负责人 {area.projectManagerName ?? '—'}</Text>
      </View>
      <View className="actions actions--inline">
        <Button id={`my-project-${area.id}-detail`} size="small" type="primary" onClick={() => go(ROUTES.propertyAreaDetail, { id: area.id })}>
          查看详情
        </Button>
        <Button id={`my-project-${area.id}-update`} size="small" fill="outline" onClick={() => go(ROUTES.projectRegistration, { areaId: area.id })}>
          更新登记信息
        </Button>
        <Button id={`my-project-${area.id}-manager`} size="small" fill="outline" onClick={() => go(ROUTES.managerChange, { areaId: area.id })}>
          项目经理变更
        </Button>
        {me?.role === Role.PROJECT_MANAGER && (
          <Button id={`my-project-${area.id}-roster`} size="small" fill="outline" onClick={() => go(ROUTES.roster, { areaId: area.id })}>
            从业人员
          </Button>
        )}
        {me?.role === Role.PROJECT_MANAGER && (
          <Button id={`my-project-${area.id}-parking`} size="small" fill="outline" onClick={() => go(ROUTES.parkingFiling, { areaId: area.id })}>
            车位信息
          </Button>
        )}
        {me?.role === Role.PROJECT_MANAGER && (
          <Button id={`my-project-${area.id}-common-funds`} size="small" fill="outline" onClick={() => go(ROUTES.commonFundRegistration, { areaId: area.id })}>
            共有资金
          </Button>
        )}
      </View>
    </View>
  );
}
