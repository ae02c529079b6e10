import { ScrollView, Text, View } from '@tarojs/components';
import { ReactNode, useState } from 'react';
import { Popup } from '../ui/popup';
import { FieldError } from './InfoRows';
import { FieldLabel } from './FieldLabel';
import './form-field.scss';

export interface SelectOption<V extends string | number> {
  value: V;
  label: string;
  /** a second line (情形的等级和分值, 单位…) */
  description?: string;
  disabled?: boolean;
}

interface Props<V extends string | number> {
  /** test id: the field is `${id}`, each option `${id}-option-${value}` */
  id: string;
  label: string;
  placeholder: string;
  value: V | null;
  options: SelectOption<V>[];
  onChange: (value: V) => void;
  error?: string;
  disabled?: boolean;
  /** shown in the sheet when there is nothing to choose */
  emptyText?: string;
  footer?: ReactNode;
  /** a 必填 field: its label gets a red `*` */
  required?: boolean;
}

/** A form row that opens a bottom sheet of options (items, circumstances, colleagues …). */
export function SelectField<V extends string | number>({ id, label, placeholder, value, options, onChange, error, disabled, emptyText = '没有可选项', footer, required }: Props<V>) {
  const [open, setOpen] = useState(false);
  const chosen = options.find((o) => o.value === value);
  return (
    <View className="form-row">
      <View id={id} className={`select-field${disabled ? ' select-field--disabled' : ''}`} onClick={() => !disabled && setOpen(true)}>
        <FieldLabel required={required}>{label}</FieldLabel>
        <Text className={chosen ? 'select-field__value' : 'select-field__placeholder'}>{chosen ? chosen.label : placeholder}</Text>
        <Text className="select-field__arrow">›</Text>
      </View>
      <FieldError message={error} />
      <Popup visible={open} position="bottom" round title={label} closeable onClose={() => setOpen(false)}>
        <ScrollView scrollY className="sheet">
          {options.length === 0 && <Text className="muted sheet__empty">{emptyText}</Text>}
          {options.map((option) => (
            <View
              key={String(option.value)}
              id={`${id}-option-${option.value}`}
              className={`sheet__option${option.value === value ? ' sheet__option--active' : ''}${option.disabled ? ' sheet__option--disabled' : ''}`}
              onClick={() => {
                if (option.disabled) return;
                onChange(option.value);
                setOpen(false);
              }}
            >
              <Text className="sheet__label">{option.label}</Text>
              {option.description && <Text className="muted">{option.description}</Text>}
            </View>
          ))}
          {footer}
        </ScrollView>
      </Popup>
    </View>
  );
}
