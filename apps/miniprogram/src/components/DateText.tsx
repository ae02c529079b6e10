import { Text } from '@tarojs/components';
import { formatDate, formatDateTime } from '../logic/format';
import './form-field.scss';

/** A date (2026-12-01) or a time (2026-12-01 14:05) that never breaks across lines. */
export function DateText({ value, time = false }: { value: string | null | undefined; time?: boolean }) {
  return <Text className="date">{time ? formatDateTime(value) : formatDate(value)}</Text>;
}
