import { Text, View } from '@tarojs/components';
import { CHART_COLORS } from '../../logic/chart';
import { percentOf } from '../../logic/format';
import './charts.scss';

interface Props {
  /** ids: `${id}` (the row, data-percent holds the share), `${id}-fill` */
  id?: string;
  /** 已绑定率 / 已读率 / 完成率 … ; absent: the bar alone (in a table cell) */
  label?: string;
  part: number;
  whole: number;
  /** the words after the percentage: 12 / 16 人 */
  detail?: string;
  color?: string;
}

/** A rate as a horizontal bar with its percentage written beside it (0 / 0 reads 暂无). */
export function RateBar({ id, label, part, whole, detail, color = CHART_COLORS.done }: Props) {
  const percent = percentOf(part, whole);
  return (
    <View className={`rate-bar${label ? '' : ' rate-bar--bare'}`} id={id} data-percent={percent ?? ''}>
      {label && (
        <View className="rate-bar__head">
          <Text className="rate-bar__label">{label}</Text>
          <Text className="rate-bar__value">{percent === null ? '暂无' : `${percent}%`}</Text>
        </View>
      )}
      <View className="rate-bar__track" aria-hidden>
        <View className="rate-bar__fill" id={id ? `${id}-fill` : undefined} style={{ width: `${percent ?? 0}%`, background: color }} />
      </View>
      {detail && <Text className="muted rate-bar__detail">{detail}</Text>}
    </View>
  );
}
