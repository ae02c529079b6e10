import { Text, View } from '@tarojs/components';
import { ReactNode } from 'react';

export interface InfoRow {
  label: string;
  value: ReactNode;
}

/** Label / value rows that wrap at any font size. */
export function InfoRows({ rows, id }: { rows: InfoRow[]; id?: string }) {
  return (
    <View className="info-rows" id={id}>
      {rows.map((row) => (
        <View className="info-row" key={row.label}>
          <Text className="info-row__label">{row.label}</Text>
          <View className="info-row__value">{typeof row.value === 'string' || typeof row.value === 'number' ? <Text>{row.value}</Text> : row.value}</View>
        </View>
      ))}
    </View>
  );
}

export function Section({ title, extra, children, id }: { title?: string; extra?: ReactNode; children: ReactNode; id?: string }) {
  return (
    <View className="section" id={id}>
      {(title || extra) && (
        <View className="section__head">
          <Text className="section__title">{title}</Text>
          {extra}
        </View>
      )}
      {children}
    </View>
  );
}

export function FieldError({ message }: { message?: string }) {
  if (!message) return null;
  return <Text className="field-error">{message}</Text>;
}
