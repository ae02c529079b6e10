import { Text, View } from '@tarojs/components';
import { AreaPractitionersTab, PractitionerItem } from '@szpm/contract';
import { useState } from 'react';
import { api } from '../../api';
import { PagedListView } from '../../components/PagedListView';
import { usePagedList } from '../../hooks/usePagedList';
import { Tag } from '../../ui/tag';

/** 项目从业人员信息 of the area detail: the roster (on duty first), masked unless the reader may see it whole, and when it was filed. */
export function AreaPractitionersTabView({ areaId }: { areaId: number }) {
  const [filing, setFiling] = useState<Pick<AreaPractitionersTab, 'filed' | 'lastUpdatedAt' | 'onDuty'> | null>(null);
  const list = usePagedList(
    (page, pageSize) =>
      api.practitioners.areaRoster(areaId, { page, pageSize }).then((answer) => {
        setFiling(answer);
        return answer;
      }),
    [areaId],
  );
  return (
    <View id="area-practitioners">
      {filing && (
        <Text className="muted" id="area-practitioners-filing">
          在岗 {filing.onDuty} 人 · {filing.filed && filing.lastUpdatedAt ? `最近更新 ${filing.lastUpdatedAt.slice(0, 10)}` : '未填报'}
        </Text>
      )}
      <PagedListView list={list} id="area-practitioner-list" emptyText="该项目暂无从业人员信息" renderItem={(p) => <PractitionerCard key={p.id} practitioner={p} />} />
    </View>
  );
}

export function PractitionerCard({ practitioner: p, onClick }: { practitioner: PractitionerItem; onClick?: () => void }) {
  return (
    <View className="card" id={`practitioner-${p.id}`} onClick={onClick}>
      <View className="case-card__head">
        <Text className="case-card__title">
          {p.name}（{p.genderLabel}）
        </Text>
        <View className="inline">
          <Tag type={p.status === 'ON_DUTY' ? 'success' : 'default'}>{p.statusLabel}</Tag>
          {p.isPartyMember && <Tag type="danger">党员</Tag>}
        </View>
      </View>
      <Text className="muted">
        {p.positionLabel} · 入职 {p.hiredAt}
        {p.leftAt ? ` · 离职 ${p.leftAt}` : ''}
      </Text>
      <Text className="muted">
        身份证 {p.idNumber} · 电话 {p.phone}
      </Text>
      {p.certificates.map((c) => (
        <Text key={c.id} className="muted" id={`practitioner-${p.id}-certificate-${c.id}`}>
          {c.typeLabel} {c.certNo} 有效期至 {c.expiresAt}（{c.stateLabel}）
        </Text>
      ))}
    </View>
  );
}
