import { PageContainer, ProCard, ProDescriptions } from '@ant-design/pro-components';
import type { MeResponse } from '@szpm/contract';
import { Button, Tag } from 'antd';
import { useNavigate } from 'react-router-dom';
import { useSession } from '../../session';

/** 我的账号: the signed-in account as GET /api/auth/me gives it, with the modules it holds. */
export default function MyAccountPage() {
  const { me } = useSession();
  const navigate = useNavigate();
  if (!me) return null;
  return (
    <PageContainer extra={<Button onClick={() => navigate('/account/password')}>修改密码</Button>}>
      <ProCard>
        <ProDescriptions<MeResponse> column={2} dataSource={me} columns={[
          { title: '姓名', dataIndex: 'name' },
          { title: '用户名', dataIndex: 'username' },
          { title: '角色', dataIndex: 'roleLabel' },
          { title: '所属区', dataIndex: 'districtName', render: (_, row) => row.districtName ?? '市局' },
          { title: '手机号码', dataIndex: 'phone' },
          { title: '微信绑定', dataIndex: 'wechatBound', render: (_, row) => (row.wechatBound ? '已绑定' : '未绑定') },
          { title: '模块权限', dataIndex: 'modules', span: 2, render: (_, row) => row.modules.map((m) => <Tag key={m.module}>{m.label}（{m.actions.map((a) => (a === 'operate' ? '操作' : '查看')).join('、')}）</Tag>) },
        ]} />
      </ProCard>
    </PageContainer>
  );
}
