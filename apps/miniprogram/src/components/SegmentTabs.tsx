import { Text, View } from '@tarojs/components';

export interface SegmentTab<V extends string> {
  value: V;
  label: string;
  count?: number;
}

/** A row of tabs (待办 / 已办, 信息 / 审核信息 …); each tab is `${id}-${value}`. */
export function SegmentTabs<V extends string>({ id, tabs, value, onChange }: { id: string; tabs: SegmentTab<V>[]; value: V; onChange: (value: V) => void }) {
  return (
    <View className="segment" id={id}>
      {tabs.map((tab) => (
        <View key={tab.value} id={`${id}-${tab.value}`} className={`segment__tab${tab.value === value ? ' segment__tab--active' : ''}`} onClick={() => onChange(tab.value)}>
          <Text>{tab.label}</Text>
          {tab.count !== undefined && tab.count > 0 && <Text className="segment__count">{tab.count > 99 ? '99+' : tab.count}</Text>}
        </View>
      ))}
    </View>
  );
}
