import { LockOutlined, UserOutlined } from '@ant-design/icons';
import type { LoginRequest } from '@szpm/contract';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router-dom';
import { api } from '../api';
import { loginErrorMessage } from '../logic/auth-messages';
import { PASSWORD_CHANGE_PATH, tokenPairOf } from '../logic/password-change';
import { safeReturnPath } from '../logic/return-path';
import { useSession } from '../session';

/** 个人登录 (chapter 2): username and password; after signing in, back to the page that sent the officer here (or first to the forced password change). */
export default function LoginPage() {
  const { me, endedBy, signIn } = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [error, setError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  // after a password change the officer goes on to the home, not back to the change page that ended the session
  const target = endedBy === 'password-changed' ? '/' : safeReturnPath(params.get('from'));

  if (me) return <Navigate to={target} replace />;

  const submit = async (values: LoginRequest) => {
    setSubmitting(true);
    setError(null);
    try {
      const account = await signIn(tokenPairOf(await api.auth.login(values)));
      // an initial or expired password is changed first; the officer then signs in again with the new one
      navigate(account.passwordChangeRequired ? PASSWORD_CHANGE_PATH : target, { replace: true });
    } catch (failure) {
      setError(loginErrorMessage(failure));
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <main style={{ minHeight: '100vh', display: 'flex', alignItems: 'center', justifyContent: 'center', background: '#f0f2f5' }}>
      <Card style={{ width: 400 }}>
        <Typography.Title level={1} style={{ fontSize: 22, textAlign: 'center' }}>
          深圳市物业管理信息平台
        </Typography.Title>
        <Typography.Paragraph style={{ textAlign: 'center' }}>个人登录</Typography.Paragraph>
        {endedBy === 'expired' && !error && <Alert type="warning" showIcon message="登录已过期，请重新登录" style={{ marginBottom: 16 }} />}
        {endedBy === 'password-changed' && !error && <Alert type="success" showIcon message="密码已修改，请用新密码登录" style={{ marginBottom: 16 }} />}
        {error && <Alert type="error" showIcon message={error} role="alert" data-testid="login-error" style={{ marginBottom: 16 }} />}
        <Form<LoginRequest> layout="vertical" onFinish={submit} requiredMark={false} name="login">
          <Form.Item label="用户名" name="username" rules={[{ required: true, message: '请输入用户名' }]}>
            <Input prefix={<UserOutlined />} autoComplete="username" autoFocus />
          </Form.Item>
          <Form.Item
            label="密码"
            name="password"
            rules={[{ required: true, message: '请输入密码' }]}
            extra="密码为8至64位，包含大写字母、小写字母、数字、符号中的至少三类；连续输错5次将锁定15分钟。"
          >
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={submitting}>
            登录
          </Button>
        </Form>
        <Typography.Paragraph style={{ marginTop: 16, textAlign: 'center' }}>
          <Link to="/public">信息公示（无需登录）</Link>
        </Typography.Paragraph>
      </Card>
    </main>
  );
}
