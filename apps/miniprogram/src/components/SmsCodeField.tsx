import { Text, View } from '@tarojs/components';
import { sendCodeLabel } from '../logic/countdown';
import { Button } from '../ui/button';
import { Input } from '../ui/input';
import { FieldError } from './InfoRows';

interface Props {
  /** ids: `${id}-code` (the input), `${id}-send-code`, `${id}-dev-code` (the development outbox's code) */
  id: string;
  code: string;
  onChange: (code: string) => void;
  onSend: () => void;
  /** seconds until another code may be sent */
  left: number;
  sending: boolean;
  /** the masked phone the last code went to */
  sentTo: string | null;
  /** embedded mode: the code from the development SMS outbox */
  devCode: string | null;
  error?: string;
}

/** 短信验证码 of a binding form: the input, 获取验证码 with its countdown, where the code went. */
export function SmsCodeField({ id, code, onChange, onSend, left, sending, sentTo, devCode, error }: Props) {
  return (
    <View className="form-row">
      <Text className="form-row__label">短信验证码</Text>
      <View className="inline">
        <Input id={`${id}-code`} type="number" placeholder="6位验证码" value={code} onChange={onChange} maxLength={6} />
        <Button id={`${id}-send-code`} size="small" type="primary" fill="outline" disabled={left > 0} loading={sending} onClick={onSend}>
          {sendCodeLabel(left, sentTo !== null)}
        </Button>
      </View>
      {sentTo && <Text className="muted form-row__hint">验证码已发送至 {sentTo}，5分钟内有效</Text>}
      {devCode && (
        <Text className="muted form-row__hint" id={`${id}-dev-code`}>
          开发环境短信发件箱：验证码 {devCode}
        </Text>
      )}
      <FieldError message={error} />
    </View>
  );
}
