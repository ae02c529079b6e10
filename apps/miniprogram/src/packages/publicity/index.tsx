import { Text, View } from '@tarojs/components';
import { EvaluationSubjectType, PublicBadRecord, PublicDistrict, PublicRiskListEntry } from '@szpm/contract';
import { useEffect, useState } from 'react';
import { api } from '../../api';
import { DateText } from '../../components/DateText';
import { HomeLink } from '../../components/HomeLink';
import { PagedListView } from '../../components/PagedListView';
import { SearchBox } from '../../components/SearchBox';
import { SegmentTabs } from '../../components/SegmentTabs';
import { SelectField } from '../../components/SelectField';
import { useListPage } from '../../hooks/useListPage';
import { usePagedList } from '../../hooks/usePagedList';
import { publicityPeriod } from '../../logic/format';

type Tab = 'bad-records' | 'risk-companies' | 'risk-managers';
const TABS: Array<{ value: Tab; label: string }> = [
  { value: 'bad-records', label: '不良信息' },
  { value: 'risk-companies', label: '企业风险名单' },
  { value: 'risk-managers', label: '项目负责人风险名单' },
];

type Row = PublicBadRecord | PublicRiskListEntry;

/**
 * 信息公示 (物业服务评价信息查询, the WeChat-side channel): the bad records and risk lists within their
 * publicity period, by subject name and district — the same public lists as the website's (no login needed).
 */
export default function Publicity() {
  const [tab, setTab] = useState<Tab>('bad-records');
  const [search, setSearch] = useState('');
  const [districtId, setDistrictId] = useState<number>(0);
  const [districts, setDistricts] = useState<PublicDistrict[]>([]);

  useEffect(() => {
    api.evaluation.publicDistricts().then(setDistricts, () => setDistricts([]));
  }, []);

  const list = usePagedList<Row>(
    (page, pageSize) => {
      const query = { page, pageSize, search: search || undefined, districtId: districtId || undefined };
      return tab === 'bad-records'
        ? api.evaluation.publicBadRecords(query)
        : api.evaluation.publicRiskList({ ...query, subjectType: tab === 'risk-companies' ? EvaluationSubjectType.COMPANY : EvaluationSubjectType.PROJECT_MANAGER });
    },
    [tab, search, districtId],
  );
  useListPage(list);

  const filtered = search !== '' || districtId !== 0;
  return (
    <View className="page page--list" id="publicity">
      <HomeLink />
      <SegmentTabs id="publicity-tabs" tabs={TABS} value={tab} onChange={setTab} />
      <SearchBox id="publicity-search" placeholder="企业或项目负责人名称" onSearch={setSearch} />
      <SelectField
        id="publicity-district"
        label="行政区"
        placeholder="全市"
        value={districtId}
        options={[{ value: 0, label: '全市' }, ...districts.map((d) => ({ value: d.id, label: d.name }))]}
        onChange={setDistrictId}
      />
      <PagedListView
        list={list}
        id="publicity-list"
        emptyText={filtered ? '没有符合条件的公示信息' : '暂无公示信息'}
        emptyHint={filtered ? '换个名称，或把行政区选为全市' : '审核通过的信息在公示期内在此公示'}
        renderItem={(row) => (
          <View key={row.id} className="card case-card" id={`publicity-${row.id}`}>
            <View className="case-card__head">
              <Text className="case-card__type">{row.subjectName}</Text>
              <Text className="muted">{row.districtName ?? ''}</Text>
            </View>
            <Text className="case-card__title">{row.itemName}</Text>
            <Text className="muted">{row.circumstanceDescription}</Text>
            <Text className="muted">
              {'points' in row ? `第${row.level}级 · 扣${row.points}分 · ` : ''}
              {row.subjectTypeLabel} · 文书编号：{row.documentNo}
            </Text>
            <Text className="muted">
              事实发生 <DateText value={row.factDate} /> · 公示期：{publicityPeriod(row.publicityStart, row.publicityEnd)}
            </Text>
          </View>
        )}
      />
    </View>
  );
}
