import Taro, { useDidShow, usePullDownRefresh, useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { BadRecordDetail, EvaluationRecordStatus, GrantAction, ModuleKey, RiskListEntryDetail } from '@szpm/contract';
import { useRef } from 'react';
import { api, EvaluationRecordKind } from '../../../api';
import { InfoRow, InfoRows, Section } from '../../../components/InfoRows';
import { LoadState } from '../../../components/LoadState';
import { useLoader } from '../../../hooks/useLoader';
import { formatDate, formatDateTime, publicityPeriod } from '../../../logic/format';
import { holds } from '../../../logic/home-modules';
import { ROUTES } from '../../../routes';
import { modulesOf, useSession } from '../../../session';
import { go, intParam } from '../../../utils/navigation';
import { Button } from '../../../ui/button';

const KIND_LABEL: Record<EvaluationRecordKind, string> = { 'bad-record': '不良信息', 'risk-list': '风险名单' };

/** A bad record's or risk-list entry's detail; at the bottom 撤销 and 恢复 (录入初审 of those forms). */
export default function RecordDetailPage() {
  const { params } = useRouter();
  const kind: EvaluationRecordKind = params.kind === 'risk-list' ? 'risk-list' : 'bad-record';
  const id = intParam(params, 'id');
  const { me } = useSession();
  const loaded = useLoader<BadRecordDetail | RiskListEntryDetail>(
    () => (id === null ? Promise.reject(new Error('记录编号不正确')) : kind === 'bad-record' ? api.evaluation.badRecord(id) : api.evaluation.riskListEntry(id)),
    [kind, id],
  );
  const shown = useRef(false);
  useDidShow(() => {
    if (shown.current) void loaded.reload();
    shown.current = true;
  });
  usePullDownRefresh(() => void loaded.reload().finally(() => Taro.stopPullDownRefresh()));
  const canOperate = holds(modulesOf(me), ModuleKey.SERVICE_EVALUATION, GrantAction.OPERATE);

  return (
    <View className="page" id="record-detail">
      <LoadState loaded={loaded} id="record">
        {(record) => {
          const rows: InfoRow[] = [
            { label: '评价对象', value: `${record.subjectName}（${record.subjectTypeLabel}）` },
            { label: '行政区', value: record.districtName ?? '—' },
            { label: '事项', value: record.itemName },
            { label: '情形', value: record.circumstanceDescription },
            ...('points' in record
              ? [
                  { label: '等级', value: `第${record.level}级` },
                  { label: '分值', value: `${record.points}分` },
                ]
              : []),
            { label: '事实发生日期', value: formatDate(record.factDate) },
            { label: '文书编号', value: record.documentNo },
            { label: '情况说明', value: record.description },
            { label: '公示期时长', value: `${record.publicityMonths}个月` },
            { label: '公示期', value: publicityPeriod(record.publicityStart, record.publicityEnd) },
            { label: '公示状态', value: record.publicityStateLabel },
            { label: '状态', value: record.statusLabel },
          ];
          if ('linkedRecordIds' in record && record.countOnceGroupRecordIds.length > 1) {
            rows.push({ label: '同事项合并计分', value: `与本年度同一事项的另外 ${record.countOnceGroupRecordIds.length - 1} 条不良信息只计一次，取最高等级计分` });
          }
          if (record.revokedAt) rows.push({ label: '撤销', value: `${formatDateTime(record.revokedAt)}：${record.revocationReason ?? ''}` });
          if (record.restoredAt) rows.push({ label: '恢复', value: `${formatDateTime(record.restoredAt)}：${record.restorationReason ?? ''}` });
          const actionable = canOperate && record.status === EvaluationRecordStatus.EFFECTIVE && record.pendingCaseId === null;
          return (
            <>
              <Section title={`${KIND_LABEL[kind]}详情`} id="record-info">
                <InfoRows rows={rows} />
              </Section>
              <Section title="相关业务单">
                <Text className="link" id="record-determination" onClick={() => go(ROUTES.case, { id: record.determinationCaseId })}>
                  查看认定业务单
                </Text>
                {record.pendingCaseId !== null && (
                  <Text className="link" id="record-pending-case" onClick={() => go(ROUTES.case, { id: record.pendingCaseId! })}>
                    有正在办理的撤销或恢复业务单，点击查看
                  </Text>
                )}
              </Section>
              {actionable && (
                <View className="actions">
                  <Button id="record-revoke" type="danger" fill="outline" block onClick={() => go(ROUTES.withdrawal, { kind, id: record.id, mode: 'revocations' })}>
                    {KIND_LABEL[kind]}撤销
                  </Button>
                  <Button id="record-restore" type="primary" fill="outline" block onClick={() => go(ROUTES.withdrawal, { kind, id: record.id, mode: 'restorations' })}>
                    {KIND_LABEL[kind]}恢复
                  </Button>
                </View>
              )}
            </>
          );
        }}
      </LoadState>
    </View>
  );
}
