import { Text, View } from '@tarojs/components';
import { PropertyAreaListItem } from '@szpm/contract';
import { areaPlace, areaSizeText, managementText } from '../../logic/property-areas';
import { ROUTES } from '../../routes';
import { go } from '../../utils/navigation';
import { Tag } from '../../ui/tag';

/** One property area in a list (the project list, the areas behind a number, 我的项目): tap for its detail. */
export function AreaCard({ area, idPrefix = 'area', className = 'card case-card' }: { area: PropertyAreaListItem; idPrefix?: string; className?: string }) {
  return (
    <View className={className} id={`${idPrefix}-${area.id}`} onClick={() => go(ROUTES.propertyAreaDetail, { id: area.id })}>
      <View className="case-card__head">
        <Text className="case-card__title">{area.name}</Text>
        {area.selfManaged ? <Tag type="warning">自管</Tag> : area.hasCommittee ? <Tag type="success">已成立业委会</Tag> : null}
      </View>
      <Text className="muted">{areaPlace(area)}</Text>
      <Text className="muted">物业服务企业：{managementText(area)}</Text>
      <Text className="muted">{areaSizeText(area)}</Text>
      <View className="case-card__foot">
        <Text className="muted">项目负责人 {area.projectManagerName ?? '—'}</Text>
        <Text className="case-card__action">详情</Text>
      </View>
    </View>
  );
}
