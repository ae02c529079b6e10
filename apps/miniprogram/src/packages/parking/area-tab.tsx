import { Text, View } from '@tarojs/components';
import { PARKING_COUNT_FIELDS, PARKING_FIELD_LABELS } from '@szpm/contract';
import { api } from '../../api';
import { InfoRows, Section } from '../../components/InfoRows';
import { LoadState } from '../../components/LoadState';
import { useLoader } from '../../hooks/useLoader';

/** 车位信息 of the area detail: the current filing (counts, fees, 车位配比) and its disputes. */
export function AreaParkingTabView({ areaId }: { areaId: number }) {
  const loaded = useLoader(() => api.parking.areaTab(areaId), [areaId]);
  return (
    <View id="area-parking">
      <LoadState loaded={loaded} id="area-parking-tab" homeLink={false}>
        {(tab) =>
          tab.current ? (
            <>
              <Text className="muted" id="area-parking-filed">
                {tab.current.filedByName} 于 {tab.current.filedAt.slice(0, 10)} 填报 · 共填报 {tab.filingCount} 次
              </Text>
              {tab.ownersFirstWarning && (
                <Text className="muted" id="area-parking-owners-first">
                  对外开放车位超过满足业主后的剩余车位，请关注业主优先使用
                </Text>
              )}
              <Section title="车位信息" id="area-parking-counts">
                <InfoRows
                  rows={[
                    ...PARKING_COUNT_FIELDS.map((field) => ({ label: PARKING_FIELD_LABELS[field], value: String(tab.current![field]) })),
                    { label: PARKING_FIELD_LABELS.monthlyFee, value: tab.current.monthlyFee === null ? '—' : `${tab.current.monthlyFee} 元/月` },
                    { label: PARKING_FIELD_LABELS.hourlyFee, value: tab.current.hourlyFee === null ? '—' : `${tab.current.hourlyFee} 元/小时` },
                    { label: '总户数', value: String(tab.households) },
                    { label: '车位配比', value: tab.ratio === null ? '—' : tab.ratio.toFixed(2) },
                  ]}
                />
              </Section>
              <Section title="车位纠纷" id="area-parking-disputes">
                {tab.current.disputes.length ? (
                  tab.current.disputes.map((d) => (
                    <Text key={d.type} className="muted" id={`area-parking-dispute-${d.type}`}>
                      {d.typeLabel} {d.caseCount} 宗{d.note ? `：${d.note}` : ''}
                    </Text>
                  ))
                ) : (
                  <Text className="muted">无车位纠纷</Text>
                )}
              </Section>
            </>
          ) : (
            <Text className="muted" id="area-parking-empty">
              该项目尚未填报车位信息
            </Text>
          )
        }
      </LoadState>
    </View>
  );
}
