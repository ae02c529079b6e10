import { Picker, Text, View } from '@tarojs/components';
import { FieldError } from './InfoRows';
import { FieldLabel } from './FieldLabel';

/** A YYYY-MM-DD field with the platform's date picker. */
export function DateField({ id, label, value, onChange, placeholder = '请选择日期', start, end, error, required }: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  placeholder?: string;
  start?: string;
  end?: string;
  error?: string;
  /** a 必填 field: its label gets a red `*` */
  required?: boolean;
}) {
  return (
    <View className="form-row">
      <Picker mode="date" value={value} start={start} end={end} onChange={(event) => onChange(String(event.detail.value))}>
        <View id={id} className="select-field">
          <FieldLabel required={required}>{label}</FieldLabel>
          <Text className={value ? 'select-field__value' : 'select-field__placeholder'}>{value || placeholder}</Text>
          <Text className="select-field__arrow">›</Text>
        </View>
      </Picker>
      <FieldError message={error} />
    </View>
  );
}
