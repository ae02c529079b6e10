import { CheckCircleFilled, CloseCircleOutlined } from '@ant-design/icons';
import { PageContainer, ProCard, ProForm, ProFormText } from '@ant-design/pro-components';
import { Alert, Form, List } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { api, errorMessage } from '../../api';
import { isStrongPassword, passwordChecks } from '../../logic/auth-messages';
import { passwordChangeNotice } from '../../logic/password-change';
import { useSession } from '../../session';

interface PasswordForm {
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
}

/**
 * 修改密码: the api ends every session on success, this one too, so the officer signs in again. An
 * account with an initial or expired password lands here by itself and is told why.
 */
export default function ChangePasswordPage() {
  const { me, clear } = useSession();
  const notice = passwordChangeNotice(me?.passwordChangeReason ?? null);
  const navigate = useNavigate();
  const [form] = Form.useForm<PasswordForm>();
  const newPassword = Form.useWatch('newPassword', form) ?? '';
  const [error, setError] = useState<string | null>(null);

  const submit = async (values: PasswordForm) => {
    setError(null);
    try {
      await api.auth.changePassword({ currentPassword: values.currentPassword, newPassword: values.newPassword });
      // to the login page in the same render as the session ends: this page's guard would otherwise send it there with itself as the page to return to
      navigate('/login', { replace: true });
      clear('password-changed');
      return true;
    } catch (e) {
      setError(errorMessage(e));
      return false;
    }
  };

  return (
    <PageContainer>
      <ProCard>
        {notice && <Alert type="warning" showIcon message={notice.title} description={notice.description} data-testid="password-change-notice" style={{ marginBottom: 16, maxWidth: 640 }} />}
        {error && <Alert type="error" showIcon message={error} role="alert" style={{ marginBottom: 16, maxWidth: 480 }} />}
        <ProForm<PasswordForm> form={form} layout="vertical" onFinish={submit} submitter={{ searchConfig: { submitText: '修改密码' }, resetButtonProps: false }} style={{ maxWidth: 480 }}>
          <ProFormText.Password name="currentPassword" label="原密码" rules={[{ required: true, message: '请输入原密码' }]} fieldProps={{ autoComplete: 'current-password' }} />
          <ProFormText.Password
            name="newPassword"
            label="新密码"
            fieldProps={{ autoComplete: 'new-password' }}
            dependencies={['currentPassword']}
            rules={[
              { required: true, message: '请输入新密码' },
              { validator: (_, value: string) => (!value || isStrongPassword(value) ? Promise.resolve() : Promise.reject(new Error('新密码不符合密码规则'))) },
              ({ getFieldValue }) => ({ validator: (_, value: string) => (!value || value !== getFieldValue('currentPassword') ? Promise.resolve() : Promise.reject(new Error('新密码不能与原密码相同'))) }),
            ]}
          />
          <List
            size="small"
            aria-label="密码规则"
            style={{ marginTop: -8, marginBottom: 16 }}
            dataSource={passwordChecks(newPassword)}
            renderItem={(check) => (
              <List.Item style={{ padding: '2px 0', border: 'none' }}>
                {check.ok ? <CheckCircleFilled style={{ color: '#237804' }} /> : <CloseCircleOutlined style={{ color: '#8c8c8c' }} />} {check.label}
              </List.Item>
            )}
          />
          <ProFormText.Password
            name="confirmPassword"
            label="确认新密码"
            dependencies={['newPassword']}
            fieldProps={{ autoComplete: 'new-password' }}
            rules={[
              { required: true, message: '请再次输入新密码' },
              ({ getFieldValue }) => ({ validator: (_, value: string) => (!value || value === getFieldValue('newPassword') ? Promise.resolve() : Promise.reject(new Error('两次输入的新密码不一致'))) }),
            ]}
          />
        </ProForm>
      </ProCard>
    </PageContainer>
  );
}
