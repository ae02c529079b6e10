import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { SafetyRegionStatsItem } from '@szpm/contract';
import { useState } from 'react';
import { api } from '../../../api';
import { Section } from '../../../components/InfoRows';
import { LoadState } from '../../../components/LoadState';
import { SegmentTabs } from '../../../components/SegmentTabs';
import { useLoader } from '../../../hooks/useLoader';
import { completionText } from '../../../logic/safety';
import { intParam } from '../../../utils/navigation';

type Tab = 'regions' | 'facilities';
interface Crumb {
  id: number;
  name: string;
  level: SafetyRegionStatsItem['level'];
}

/** 查看全部统计: completion by district → street → community, and 设施设备统计. */
export default function SafetyOverview() {
  const { params } = useRouter();
  const inspectionId = intParam(params, 'inspectionId') ?? undefined;
  const [tab, setTab] = useState<Tab>('regions');
  const [path, setPath] = useState<Crumb[]>([]);
  const last = path[path.length - 1];
  const scope = {
    inspectionId,
    districtId: path.find((c) => c.level === 'DISTRICT')?.id,
    streetId: path.find((c) => c.level === 'STREET')?.id,
  };
  const regions = useLoader(() => api.safety.regionStats(scope), [inspectionId, scope.districtId, scope.streetId]);
  const facilities = useLoader(() => api.safety.facilityStats({ inspectionId }), [inspectionId], { enabled: tab === 'facilities' });
  usePullDownRefresh(() => void (tab === 'regions' ? regions : facilities).reload().finally(() => Taro.stopPullDownRefresh()));

  return (
    <View className="page" id="safety-overview-page">
      <SegmentTabs
        id="safety-overview-tabs"
        tabs={[
          { value: 'regions', label: '完成情况统计' },
          { value: 'facilities', label: '设施设备统计' },
        ]}
        value={tab}
        onChange={setTab}
      />
      {tab === 'regions' ? (
        <LoadState loaded={regions} id="safety-regions">
          {(stats) => (
            <>
              <Section title={last ? last.name : '总体情况'} extra={path.length > 0 ? <Text className="link" id="safety-regions-up" onClick={() => setPath(path.slice(0, -1))}>返回上一级</Text> : undefined}>
                <Text className="muted">{completionText(stats.total)}</Text>
                <Text className="muted">
                  发现问题 {stats.total.problems} 项（{stats.total.areasWithProblems}个项目）
                </Text>
              </Section>
              {stats.items.length === 0 && <Text className="muted">暂无统计数据</Text>}
              {stats.items.map((item) => (
                <View
                  key={item.regionId}
                  className="card"
                  id={`region-${item.regionId}`}
                  onClick={() => item.level !== 'COMMUNITY' && setPath([...path, { id: item.regionId, name: item.regionName, level: item.level }])}
                >
                  <View className="case-card__head">
                    <Text className="case-card__title">{item.regionName}</Text>
                    {item.level !== 'COMMUNITY' && <Text className="muted">下钻 ›</Text>}
                  </View>
                  <Text className="muted">{completionText(item)}</Text>
                  <Text className="muted">发现问题 {item.problems} 项</Text>
                </View>
              ))}
            </>
          )}
        </LoadState>
      ) : (
        <LoadState loaded={facilities} id="safety-facilities">
          {(items) => (
            <>
              {items.length === 0 && <Text className="muted">暂无已提交的检查结果</Text>}
              {items.map((f) => (
                <View key={f.facility} className="card" id={`facility-${f.facility}`}>
                  <Text className="case-card__title">{f.facility}</Text>
                  <Text className="muted">
                    {f.areas}个项目 · 合格 {f.pass} · 不合格 {f.fail} · 不涉及 {f.notApplicable}
                  </Text>
                  <Text className="muted">发现问题的项目 {f.areasWithProblems} 个</Text>
                </View>
              ))}
            </>
          )}
        </LoadState>
      )}
    </View>
  );
}
