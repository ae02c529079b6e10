import { Text } from '@tarojs/components';
import { ReactNode } from 'react';
import './form-field.scss';

/** A form field's label; a 必填 field (one the API requires) gets a red `*`. */
export function FieldLabel({ children, required }: { children: ReactNode; required?: boolean }) {
  return (
    <Text className="form-row__label">
      {children}
      {required && <Text className="form-row__required">*</Text>}
    </Text>
  );
}
