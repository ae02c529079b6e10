import Taro, { useRouter } from '@tarojs/taro';
import { useListPage } from '../../../hooks/useListPage';
import { Text, View } from '@tarojs/components';
import {
  EVALUATION_RECORD_STATUS_LABELS,
  EVALUATION_SUBJECT_TYPE_LABELS,
  EvaluationRecordStatus,
  EvaluationSubjectType,
  RecordSearchQuery,
} from '@szpm/contract';
import { useEffect, useState } from 'react';
import { api, EvaluationRecordKind } from '../../../api';
import { DateText } from '../../../components/DateText';
import { PagedListView } from '../../../components/PagedListView';
import { SearchBox } from '../../../components/SearchBox';
import { SelectField } from '../../../components/SelectField';
import { usePagedList } from '../../../hooks/usePagedList';
import { publicityPeriod } from '../../../logic/format';
import { ROUTES } from '../../../routes';
import { go, intParam } from '../../../utils/navigation';
import { Tag } from '../../../ui/tag';

const KIND_LABEL: Record<EvaluationRecordKind, string> = { 'bad-record': '不良信息', 'risk-list': '风险名单' };

/** 物业企业 / 项目负责人 不良信息 and 风险名单 (optionally one subject's), 查看 → detail with 撤销 / 恢复. */
export default function Records() {
  const { params } = useRouter();
  const kind: EvaluationRecordKind = params.kind === 'risk-list' ? 'risk-list' : 'bad-record';
  const subjectType = params.subjectType === EvaluationSubjectType.PROJECT_MANAGER ? EvaluationSubjectType.PROJECT_MANAGER : EvaluationSubjectType.COMPANY;
  const subjectId = intParam(params, 'subjectId') ?? undefined;
  const [search, setSearch] = useState('');
  const [status, setStatus] = useState<EvaluationRecordStatus | ''>('');
  const list = usePagedList(
    (page, pageSize) => {
      const query: RecordSearchQuery = { search: search || undefined, status: status || undefined, subjectId, page, pageSize };
      return kind === 'bad-record' ? api.evaluation.badRecords({ ...query, subjectType }) : api.evaluation.riskList(subjectType, query);
    },
    [kind, subjectType, subjectId, search, status],
  );
  useEffect(() => void Taro.setNavigationBarTitle({ title: `${EVALUATION_SUBJECT_TYPE_LABELS[subjectType]} · ${KIND_LABEL[kind]}` }), [kind, subjectType]);
  useListPage(list, { refreshOnReturn: true });

  return (
    <View className="page page--list" id="records">
      {subjectId === undefined && <SearchBox id="records-search" placeholder={`${EVALUATION_SUBJECT_TYPE_LABELS[subjectType]}名称`} onSearch={setSearch} />}
      <SelectField
        id="records-status"
        label="状态"
        placeholder="全部状态"
        value={status}
        options={[{ value: '' as const, label: '全部状态' }, ...Object.values(EvaluationRecordStatus).map((s) => ({ value: s, label: EVALUATION_RECORD_STATUS_LABELS[s] }))]}
        onChange={setStatus}
      />
      <PagedListView
        list={list}
        id="records-list"
        emptyText={search || status ? `没有符合条件的${KIND_LABEL[kind]}` : `暂无${KIND_LABEL[kind]}`}
        emptyHint={search || status ? '换个名称，或把状态选为全部状态' : `${KIND_LABEL[kind]}经认定审核通过后在此公示`}
        renderItem={(item) => (
          <View key={item.id} className="card case-card" id={`record-${item.id}`} onClick={() => go(ROUTES.recordDetail, { kind, id: item.id })}>
            <View className="case-card__head">
              <Text className="case-card__type">{item.subjectName}</Text>
              <Tag type={item.status === EvaluationRecordStatus.EFFECTIVE ? 'danger' : 'default'}>{item.statusLabel}</Tag>
            </View>
            <Text className="case-card__title">{item.itemName}</Text>
            <Text className="muted">{item.circumstanceDescription}</Text>
            <Text className="muted">
              {'points' in item ? `${item.points}分 · ` : ''}事实发生 <DateText value={item.factDate} /> · {item.documentNo}
            </Text>
            <View className="case-card__foot">
              <Text className="muted">
                {item.publicityStateLabel}：{publicityPeriod(item.publicityStart, item.publicityEnd)}
              </Text>
              <Text className="case-card__action">查看</Text>
            </View>
          </View>
        )}
      />
    </View>
  );
}
