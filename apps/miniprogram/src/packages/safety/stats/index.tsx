import { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { GrantAction, ModuleKey, SafetyInspectionDetail, SafetyTargetStatus, urgeSummary } from '@szpm/contract';
import { useState } from 'react';
import { api } from '../../../api';
import { RateBar } from '../../../components/charts/RateBar';
import { DateText } from '../../../components/DateText';
import { InfoRows, Section } from '../../../components/InfoRows';
import { LoadState } from '../../../components/LoadState';
import { PagedListView } from '../../../components/PagedListView';
import { SegmentTabs } from '../../../components/SegmentTabs';
import { UrgeButton } from '../../../components/UrgeButton';
import { useListPage } from '../../../hooks/useListPage';
import { usePagedList } from '../../../hooks/usePagedList';
import { useLoader } from '../../../hooks/useLoader';
import { formatDateTime } from '../../../logic/format';
import { holds } from '../../../logic/home-modules';
import { completionText } from '../../../logic/safety';
import { ROUTES } from '../../../routes';
import { modulesOf, useSession } from '../../../session';
import { openApiFile } from '../../../utils/download';
import { toastError } from '../../../utils/feedback';
import { go, intParam } from '../../../utils/navigation';
import { Button } from '../../../ui/button';
import { Tag } from '../../../ui/tag';

type Tab = 'areas' | 'companies';
type Done = 'all' | 'outstanding' | 'done';

/** 查看统计 of one inspection: by property area (with the ledger export), by company (with 催办). */
export default function InspectionStats() {
  const { params } = useRouter();
  const id = intParam(params, 'id');
  const { me } = useSession();
  const loaded = useLoader(() => (id === null ? Promise.reject(new Error('检查编号不正确')) : api.safety.detail(id)), [id]);
  const [tab, setTab] = useState<Tab>('areas');
  const [done, setDone] = useState<Done>('all');
  const areas = usePagedList((page, pageSize) => api.safety.areas(id ?? 0, { done: done === 'all' ? undefined : done === 'done', page, pageSize }), [id, done], {
    enabled: id !== null && tab === 'areas',
  });
  const companies = usePagedList((page, pageSize) => api.safety.companies(id ?? 0, { page, pageSize }), [id], { enabled: id !== null && tab === 'companies' });
  const list = tab === 'areas' ? areas : companies;
  const canUrge = holds(modulesOf(me), ModuleKey.SAFETY_INSPECTIONS, GrantAction.OPERATE);
  const [exporting, setExporting] = useState(false);
  useListPage(list, { alsoRefresh: () => loaded.reload() });
  const urged = () => void Promise.all([loaded.reload(), list.refresh()]);
  const urgeQuestion = (whom: string) => `向${whom}的项目负责人发送催办提醒？同一人24小时内只催办一次。`;

  const exportLedger = async (inspection: SafetyInspectionDetail) => {
    setExporting(true);
    try {
      await openApiFile(api.safety.ledgerPath(inspection.id), `${inspection.title}-总体情况台账.xlsx`);
    } catch (error) {
      toastError(error);
    } finally {
      setExporting(false);
    }
  };

  return (
    <View className="page" id="safety-stats">
      <LoadState loaded={loaded} id="inspection">
        {(inspection) => (
          <>
            <Section title={inspection.title} id="inspection-info">
              <InfoRows
                rows={[
                  { label: '检查类型', value: `${inspection.kindLabel}（${inspection.templateName}）` },
                  { label: '截止日期', value: <DateText value={inspection.deadline} /> },
                  { label: '完成情况', value: completionText(inspection) },
                  { label: '发现问题', value: `${inspection.problems}项（${inspection.areasWithProblems}个项目）` },
                  {
                    label: '发起',
                    value: (
                      <Text>
                        {inspection.launchedByName} · <DateText value={inspection.createdAt} time />
                      </Text>
                    ),
                  },
                ]}
              />
              <RateBar id="inspection-completion" label="完成率" part={inspection.submitted} whole={inspection.targets} detail={`已提交 ${inspection.submitted} / 应检查 ${inspection.targets}`} />
              <View className="actions actions--inline">
                {canUrge && inspection.outstanding > 0 && (
                  <UrgeButton
                    id="inspection-urge-all"
                    size="small"
                    type="primary"
                    action="催办"
                    question={urgeQuestion('全部未完成的项目')}
                    urge={() => api.safety.urge(inspection.id, {})}
                    summary={urgeSummary}
                    nothingLeftText="所有项目均已完成安全检查，无需催办"
                    onDone={urged}
                  >
                    催办未完成
                  </UrgeButton>
                )}
                <Button id="inspection-overview" size="small" fill="outline" onClick={() => go(ROUTES.safetyOverview, { inspectionId: inspection.id })}>
                  查看全部统计
                </Button>
              </View>
            </Section>
            <SegmentTabs
              id="inspection-tabs"
              tabs={[
                { value: 'areas', label: '按物业项目统计' },
                { value: 'companies', label: '按物业服务企业统计' },
              ]}
              value={tab}
              onChange={setTab}
            />
            {tab === 'areas' ? (
              <>
                <SegmentTabs
                  id="inspection-done"
                  tabs={[
                    { value: 'all', label: `全部 ${inspection.targets}` },
                    { value: 'outstanding', label: `未完成 ${inspection.outstanding}` },
                    { value: 'done', label: `已完成 ${inspection.submitted}` },
                  ]}
                  value={done}
                  onChange={setDone}
                />
                <Button id="inspection-ledger" fill="outline" block loading={exporting} onClick={() => void exportLedger(inspection)}>
                  导出总体情况台账
                </Button>
                <PagedListView
                  list={areas}
                  id="inspection-areas"
                  emptyText={done === 'all' ? '本次检查没有物业项目' : done === 'done' ? '还没有项目提交检查结果' : '所有项目均已提交'}
                  emptyHint={done === 'all' ? undefined : '选择「全部」查看所有项目'}
                  renderItem={(area) => (
                    <View key={area.targetId} className="card" id={`area-${area.targetId}`}>
                      <View className="case-card__head">
                        <Text className="case-card__title">{area.propertyAreaName}</Text>
                        <Tag type={area.status === SafetyTargetStatus.SUBMITTED ? 'success' : area.overdue ? 'danger' : 'warning'}>
                          {area.overdue && area.status !== SafetyTargetStatus.SUBMITTED ? '逾期未完成' : area.statusLabel}
                        </Tag>
                      </View>
                      <Text className="muted">
                        {area.streetName} · {area.communityName}
                      </Text>
                      <Text className="muted">
                        {area.companyName ?? '无物业服务企业'} · 项目负责人 {area.projectManagerName ?? '—'}
                      </Text>
                      {area.status === SafetyTargetStatus.SUBMITTED && (
                        <Text className="muted">
                          合格 {area.passCount} · 不合格 {area.failCount} · 不涉及 {area.notApplicableCount} · {formatDateTime(area.submittedAt)}提交
                        </Text>
                      )}
                    </View>
                  )}
                />
              </>
            ) : (
              <PagedListView
                list={companies}
                id="inspection-companies"
                emptyText="暂无物业服务企业"
                renderItem={(company) => (
                  <View key={company.companyId ?? 0} className="card" id={`company-${company.companyId ?? 0}`}>
                    <View className="case-card__head">
                      <Text className="case-card__title">{company.companyName}</Text>
                      {canUrge && company.outstanding > 0 && company.companyId !== null && (
                        <UrgeButton
                          id={`company-${company.companyId}-urge`}
                          size="small"
                          type="primary"
                          fill="outline"
                          action="催办"
                          question={urgeQuestion(`${company.companyName}未完成的项目`)}
                          urge={() => api.safety.urge(inspection.id, { companyId: company.companyId ?? undefined })}
                          summary={urgeSummary}
                          nothingLeftText={`${company.companyName}的项目均已完成安全检查，无需催办`}
                          onDone={urged}
                        >
                          催办
                        </UrgeButton>
                      )}
                    </View>
                    <RateBar id={`company-${company.companyId ?? 0}-completion`} label="完成率" part={company.submitted} whole={company.targets} detail={completionText(company)} />
                    <Text className="muted">
                      发现问题 {company.problems} 项（{company.areasWithProblems}个项目）
                    </Text>
                  </View>
                )}
              />
            )}
          </>
        )}
      </LoadState>
    </View>
  );
}
