import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { errorMessage } from '../../../api';
import { ownerApi } from '../../../api/owner';
import { SmsCodeField } from '../../../components/SmsCodeField';
import { FieldError } from '../../../components/InfoRows';
import { SegmentTabs } from '../../../components/SegmentTabs';
import { useCountdown } from '../../../hooks/useCountdown';
import { useDevSmsCode } from '../../../hooks/useDevSmsCode';
import { OwnerBindField, OwnerBindForm, ownerBindRequest, validateOwnerBindForm } from '../../../logic/owner-sign-in';
import { ownerSession } from '../../../owner-session';
import { OwnerGate } from '../OwnerGate';
import { ROUTES } from '../../../routes';
import { Button } from '../../../ui/button';
import { Input } from '../../../ui/input';
import { toast, toastSuccess } from '../../../utils/feedback';
import { back } from '../../../utils/navigation';

const BLANK: OwnerBindForm = { name: '', proof: 'idNumber', idNumber: '', realEstateUnitNo: '', phone: '', code: '' };

/**
 * 业主身份绑定 (chapter 1): the registered owner's name, the ID number (every house of that owner) or
 * a 不动产单元号 (that house), and the registered phone's SMS code. A mismatch gets one message that
 * does not say which part is wrong; too many tries lock the check for a while.
 */
export default function OwnerBind() {
  return <OwnerGate>{() => <BindForm />}</OwnerGate>;
}

function BindForm() {
  const [form, setForm] = useState<OwnerBindForm>(BLANK);
  const [errors, setErrors] = useState<Partial<Record<OwnerBindField, string>>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [resendAt, setResendAt] = useState<number | null>(null);
  const [sentTo, setSentTo] = useState<string | null>(null);
  const { devCode, showDevCode } = useDevSmsCode();
  const [sending, setSending] = useState(false);
  const [submitting, setSubmitting] = useState(false);
  const left = useCountdown(resendAt);

  const set = (field: keyof OwnerBindForm) => (value: string) => {
    setForm((f) => ({ ...f, [field]: value }));
    setErrors((e) => ({ ...e, [field]: undefined }));
    setProblem(null);
  };

  const sendCode = async () => {
    const problems = validateOwnerBindForm(form, 'send-code');
    setErrors(problems);
    if (Object.keys(problems).length) return;
    setSending(true);
    setProblem(null);
    try {
      const sent = await ownerApi.sendBindCode(ownerBindRequest(form));
      setResendAt(Date.now() + sent.resendAfterSeconds * 1000);
      setSentTo(sent.phone);
      toast(`验证码已发送至 ${sent.phone}`);
      showDevCode(form.phone.trim());
    } catch (error) {
      setProblem(errorMessage(error));
    } finally {
      setSending(false);
    }
  };

  const submit = async () => {
    const problems = validateOwnerBindForm(form, 'submit');
    setErrors(problems);
    if (Object.keys(problems).length) return;
    setSubmitting(true);
    setProblem(null);
    try {
      ownerSession.set(await ownerApi.bind({ ...ownerBindRequest(form), code: form.code.trim() }));
      toastSuccess('绑定成功');
      back(ROUTES.ownerHome);
    } catch (error) {
      setProblem(errorMessage(error));
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <View className="page" id="owner-bind-form">
      <Text className="page__lead">请填写房屋登记的业主信息</Text>
      <View className="card">
        <View className="form-row">
          <Text className="form-row__label">业主姓名</Text>
          <Input id="owner-bind-name" placeholder="与房屋登记一致" value={form.name} onChange={set('name')} maxLength={32} />
          <FieldError message={errors.name} />
        </View>
        <SegmentTabs
          id="owner-bind-proof"
          tabs={[
            { value: 'idNumber', label: '身份证号码' },
            { value: 'realEstateUnitNo', label: '不动产单元号' },
          ]}
          value={form.proof}
          onChange={(proof) => setForm((f) => ({ ...f, proof }))}
        />
        {form.proof === 'idNumber' ? (
          <View className="form-row">
            <Text className="form-row__label">身份证号码</Text>
            <Input id="owner-bind-id-number" placeholder="18位身份证号码" value={form.idNumber} onChange={set('idNumber')} maxLength={18} />
            <Text className="muted form-row__hint">绑定您名下登记的全部房屋；号码只用于核验，不会显示给他人</Text>
            <FieldError message={errors.idNumber} />
          </View>
        ) : (
          <View className="form-row">
            <Text className="form-row__label">不动产单元号</Text>
            <Input id="owner-bind-unit-no" placeholder="见不动产权证书" value={form.realEstateUnitNo} onChange={set('realEstateUnitNo')} maxLength={40} />
            <FieldError message={errors.realEstateUnitNo} />
          </View>
        )}
        <View className="form-row">
          <Text className="form-row__label">手机号码</Text>
          <Input id="owner-bind-phone" type="number" placeholder="房屋登记的手机号码" value={form.phone} onChange={set('phone')} maxLength={11} />
          <FieldError message={errors.phone} />
        </View>
        <SmsCodeField id="owner-bind" code={form.code} onChange={set('code')} onSend={() => void sendCode()} left={left} sending={sending} sentTo={sentTo} devCode={devCode} error={errors.code} />
        {problem && (
          <Text className="form-error" id="owner-bind-error">
            {problem}
          </Text>
        )}
        <Button id="owner-bind-submit" type="primary" block loading={submitting} onClick={() => void submit()}>
          绑定
        </Button>
      </View>
    </View>
  );
}
