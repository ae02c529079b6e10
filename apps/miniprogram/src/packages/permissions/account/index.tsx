import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { StaffDetail } from '@szpm/contract';
import { useState } from 'react';
import { api, apiClient, errorMessage } from '../../../api';
import { useConfirmDialog } from '../../../components/ConfirmDialog';
import { FieldError, Section } from '../../../components/InfoRows';
import { LoadState } from '../../../components/LoadState';
import { StaffDetailView } from '../../../components/StaffDetailView';
import { useLoader } from '../../../hooks/useLoader';
import { unbindWechatConfirmation } from '../../../logic/confirm';
import { ROUTES } from '../../../routes';
import { session } from '../../../session';
import { toast, toastError, toastSuccess } from '../../../utils/feedback';
import { Button } from '../../../ui/button';
import { Input } from '../../../ui/input';
import { Popup } from '../../../ui/popup';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** 我的账号 (点击头像): 编辑 (职务、邮箱), 解绑 (微信), 注销 (with the password). */
export default function MyAccount() {
  const loaded = useLoader(() => api.permissions.me(), []);
  return (
    <View className="page" id="my-account">
      <LoadState loaded={loaded} id="account">
        {(me) => <AccountView me={me} reload={loaded.reload} />}
      </LoadState>
    </View>
  );
}

function AccountView({ me, reload }: { me: StaffDetail; reload: () => Promise<void> }) {
  const [editing, setEditing] = useState(false);
  const [position, setPosition] = useState(me.position ?? '');
  const [email, setEmail] = useState(me.email ?? '');
  const [emailError, setEmailError] = useState<string | undefined>();
  const [cancelling, setCancelling] = useState(false);
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const confirmation = useConfirmDialog('account-confirm');

  const signOut = async () => {
    apiClient.endSession();
    session.clear();
    await Taro.reLaunch({ url: ROUTES.launch });
  };

  const save = async () => {
    if (email.trim() && !EMAIL.test(email.trim())) return setEmailError('请填写正确的电子邮箱');
    setBusy(true);
    try {
      await api.permissions.updateMe({ position: position.trim() || undefined, email: email.trim() || undefined });
      toastSuccess('已保存');
      setEditing(false);
      await reload();
    } catch (error) {
      toastError(error);
    } finally {
      setBusy(false);
    }
  };

  const unbind = async () => {
    if (!(await confirmation.ask(unbindWechatConfirmation()))) return;
    try {
      await api.permissions.unbindMe();
      toastSuccess('已解绑');
      // a session that came from WeChat ends with the binding: the client then returns to sign-in
      await reload();
    } catch (error) {
      toastError(error);
    }
  };

  const cancelAccount = async () => {
    if (!password) return toast('请输入当前密码确认');
    setBusy(true);
    try {
      await api.permissions.cancelMe({ password });
      toastSuccess('账号已注销');
      await signOut();
    } catch (error) {
      toast(errorMessage(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <StaffDetailView person={me} />
      {editing ? (
        <Section title="编辑" id="account-edit">
          <View className="form-row">
            <Text className="form-row__label">职务</Text>
            <Input id="account-position" placeholder="如 科员" value={position} maxLength={64} onChange={setPosition} />
          </View>
          <View className="form-row">
            <Text className="form-row__label">电子邮箱</Text>
            <Input id="account-email" placeholder="name@example.gov.cn" value={email} maxLength={128} onChange={(v) => { setEmail(v); setEmailError(undefined); }} />
            <FieldError message={emailError} />
          </View>
          <View className="actions actions--inline">
            <Button fill="outline" onClick={() => setEditing(false)}>
              取消
            </Button>
            <Button id="account-save" type="primary" loading={busy} onClick={() => void save()}>
              保存
            </Button>
          </View>
        </Section>
      ) : (
        <View className="actions">
          <Button id="account-edit-open" type="primary" fill="outline" block onClick={() => setEditing(true)}>
            编辑
          </Button>
          {me.wechatBound && (
            <Button id="account-unbind" type="warning" fill="outline" block onClick={() => void unbind()}>
              解绑
            </Button>
          )}
          <Button id="account-cancel-open" type="danger" fill="outline" block onClick={() => setCancelling(true)}>
            注销
          </Button>
        </View>
      )}
      <Popup visible={cancelling} position="bottom" round closeable title="注销账号" onClose={() => setCancelling(false)}>
        <View className="sheet" id="account-cancel">
          <Text className="sheet__paragraph">注销后本账号不能再登录，历史办理记录保留。请输入当前密码确认。</Text>
          <Input id="account-cancel-password" type="password" placeholder="当前密码" value={password} onChange={setPassword} />
          <Button id="account-cancel-confirm" type="danger" block loading={busy} onClick={() => void cancelAccount()}>
            确认注销
          </Button>
        </View>
      </Popup>
      {confirmation.dialog}
    </>
  );
}
