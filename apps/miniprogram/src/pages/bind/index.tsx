import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { api, apiClient, errorMessage } from '../../api';
import { SmsCodeField } from '../../components/SmsCodeField';
import { FieldError } from '../../components/InfoRows';
import { useCountdown } from '../../hooks/useCountdown';
import { useDevSmsCode } from '../../hooks/useDevSmsCode';
import { BindField, BindForm, normalisedBindForm, validateBindForm } from '../../logic/bind-form';
import { ROUTES } from '../../routes';
import { session, useSession } from '../../session';
import { enterApp } from '../../sign-in-return';
import { toast, toastSuccess } from '../../utils/feedback';
import { Button } from '../../ui/button';
import { Input } from '../../ui/input';

/**
 * 身份认证 (chapter 1): the 各级政府物业监管部门人员 entry; name and phone of the account a district
 * lead created in advance, an SMS code, then 物业服务.
 */
export default function Bind() {
  const { bindTicket } = useSession();
  const [entry, setEntry] = useState<'officer' | null>(null);
  const [form, setForm] = useState<BindForm>({ name: '', phone: '', code: '' });
  const [errors, setErrors] = useState<Partial<Record<BindField, string>>>({});
  const [resendAt, setResendAt] = useState<number | null>(null);
  const [sentTo, setSentTo] = useState<string | null>(null);
  const { devCode, showDevCode } = useDevSmsCode();
  const [sending, setSending] = useState(false);
  const [submitting, setSubmitting] = useState(false);
  const left = useCountdown(resendAt);

  if (!bindTicket) {
    return (
      <View className="page page--center" id="bind-expired">
        <Text className="state-box__text">微信授权已失效，请重新进入页面</Text>
        <Button type="primary" onClick={() => void Taro.reLaunch({ url: ROUTES.launch })}>
          重新进入
        </Button>
      </View>
    );
  }

  if (entry === null) {
    return (
      <View className="page" id="bind-entries">
        <Text className="page__lead">请选择您的身份进行认证</Text>
        <View className="entry-card" id="bind-entry-officer" onClick={() => setEntry('officer')}>
          <Text className="entry-card__title">各级政府物业监管部门人员</Text>
          <Text className="muted">市、区住房和建设局及街道办工作人员，账号由区局负责人预先开设</Text>
        </View>
        <View className="entry-card" id="bind-entry-owner" onClick={() => void Taro.redirectTo({ url: ROUTES.ownerHome })}>
          <Text className="entry-card__title">业主</Text>
          <Text className="muted">绑定本人名下的房屋，参与业主评价（我的小区）</Text>
        </View>
      </View>
    );
  }

  const set = (field: BindField) => (value: string) => {
    setForm((f) => ({ ...f, [field]: value }));
    setErrors((e) => ({ ...e, [field]: undefined }));
  };

  const sendCode = async () => {
    const problems = validateBindForm(form, 'send-code');
    setErrors(problems);
    if (Object.keys(problems).length) return;
    setSending(true);
    try {
      const { name, phone } = normalisedBindForm(form);
      const sent = await api.identity.sendBindCode({ bindTicket, name, phone });
      setResendAt(Date.now() + sent.resendAfterSeconds * 1000);
      setSentTo(sent.phone);
      toast(`验证码已发送至 ${sent.phone}`);
      showDevCode(phone);
    } catch (error) {
      toast(errorMessage(error));
    } finally {
      setSending(false);
    }
  };

  const submit = async () => {
    const problems = validateBindForm(form, 'submit');
    setErrors(problems);
    if (Object.keys(problems).length) return;
    setSubmitting(true);
    try {
      const result = await api.identity.bind({ bindTicket, ...normalisedBindForm(form) });
      apiClient.startSession(result.tokens);
      session.setMe(result.account);
      session.setBindTicket(null);
      toastSuccess('身份认证成功');
      await enterApp();
    } catch (error) {
      toast(errorMessage(error));
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <View className="page" id="bind-form">
      <Text className="page__lead">各级政府物业监管部门人员身份认证</Text>
      <View className="card">
        <View className="form-row">
          <Text className="form-row__label">姓名</Text>
          <Input id="bind-name" placeholder="请输入姓名" value={form.name} onChange={set('name')} maxLength={32} />
          <FieldError message={errors.name} />
        </View>
        <View className="form-row">
          <Text className="form-row__label">手机号码</Text>
          <Input id="bind-phone" type="number" placeholder="请输入预留的手机号码" value={form.phone} onChange={set('phone')} maxLength={11} />
          <FieldError message={errors.phone} />
        </View>
        <SmsCodeField id="bind" code={form.code} onChange={set('code')} onSend={() => void sendCode()} left={left} sending={sending} sentTo={sentTo} devCode={devCode} error={errors.code} />
        <Button id="bind-submit" type="primary" block loading={submitting} onClick={() => void submit()}>
          提交信息
        </Button>
      </View>
      <Text className="link page__note" onClick={() => setEntry(null)}>
        返回选择身份
      </Text>
    </View>
  );
}
