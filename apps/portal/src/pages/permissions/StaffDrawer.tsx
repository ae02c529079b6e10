import { AccountStatus, GrantAction, type ModuleKey, type StaffDetail } from '@szpm/contract';
import { Alert, Avatar, Button, Descriptions, Drawer, Modal, Popconfirm, Space, Spin, Switch, Table, Tag, Typography, message } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { api, errorMessage } from '../../api';
import { canManageAccounts, GRANT_ACTION_LABELS, grantRows, type GrantRow } from '../../logic/permissions';
import { useSession } from '../../session';

const STATUS_LABELS: Record<AccountStatus, { text: string; color: string }> = {
  [AccountStatus.ACTIVE]: { text: '正常', color: 'green' },
  [AccountStatus.DISABLED]: { text: '已停用', color: 'orange' },
  [AccountStatus.CANCELLED]: { text: '已注销', color: 'default' },
};

export function StatusTag({ status }: { status: AccountStatus }) {
  return <Tag color={STATUS_LABELS[status].color}>{STATUS_LABELS[status].text}</Tag>;
}

const time = (value: string | null) => (value ? new Date(value).toLocaleString('zh-CN', { hour12: false }) : '-');

/**
 * 人员详情 (点击头像): the person's account, binding and grants. Leads and city admins also disable
 * or re-enable the account, reset its password and give or take module grants, each after a
 * confirmation; the api decides what they may do (city-only modules, roles, district) and its
 * refusal is shown as it words it.
 */
export function StaffDrawer({ accountId, onClose, onChanged }: { accountId: number | null; onClose: () => void; onChanged?: () => void }) {
  const { me } = useSession();
  const manager = canManageAccounts(me);
  const [detail, setDetail] = useState<StaffDetail | null>(null);
  const [loading, setLoading] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);

  const load = useCallback(async (id: number) => {
    setLoading(true);
    setProblem(null);
    try {
      setDetail(await api.permissions.staffDetail(id));
    } catch (e) {
      setDetail(null);
      setProblem(errorMessage(e));
    } finally {
      setLoading(false);
    }
  }, []);

  useEffect(() => {
    if (accountId !== null) void load(accountId);
    else setDetail(null);
  }, [accountId, load]);

  const act = async (key: string, action: () => Promise<unknown>, done: string) => {
    if (!detail) return;
    setBusy(key);
    try {
      await action();
      message.success(done);
      await load(detail.id);
      onChanged?.();
    } catch (e) {
      Modal.error({ title: '操作未完成', content: errorMessage(e) });
    } finally {
      setBusy(null);
    }
  };

  const toggleGrant = (row: GrantRow, action: GrantAction, give: boolean) =>
    act(
      `${row.module}:${action}`,
      () => (give ? api.admin.addGrant(detail!.id, { module: row.module, action }) : api.admin.removeGrant(detail!.id, row.module as ModuleKey, action)),
      `已${give ? '授予' : '收回'}「${row.label}」的${GRANT_ACTION_LABELS[action]}权限`,
    );

  const resetPassword = () => {
    if (!detail) return;
    Modal.confirm({
      title: `重置 ${detail.name} 的密码？`,
      content: '系统将生成新的初始密码（只显示一次），该账号的登录状态立即失效，下次登录须先修改密码。',
      okText: '重置密码',
      cancelText: '取消',
      onOk: async () => {
        try {
          const result = await api.admin.resetPassword(detail.id);
          Modal.success({
            title: '密码已重置',
            content: (
              <div>
                <p>新的初始密码（请当面或电话告知本人，关闭后不再显示）：</p>
                <Typography.Text copyable strong data-testid="temporary-password">
                  {result.temporaryPassword}
                </Typography.Text>
              </div>
            ),
          });
          onChanged?.();
        } catch (e) {
          Modal.error({ title: '重置未完成', content: errorMessage(e) });
        }
      },
    });
  };

  const grantCell = (row: GrantRow, action: GrantAction) => {
    const held = action === GrantAction.VIEW ? row.view : row.operate;
    const label = `${row.label}${GRANT_ACTION_LABELS[action]}权限`;
    if (!manager || detail?.id === me?.id || detail?.status === AccountStatus.CANCELLED) return held ? <Tag color="blue">已开通</Tag> : <Typography.Text type="secondary">未开通</Typography.Text>;
    return (
      <Popconfirm
        title={held ? `收回「${label}」？` : `授予「${label}」？`}
        description={held ? '收回后该账号立即不能再使用此权限。' : row.cityGrantOnly ? '该模块的权限需要市局相关负责人赋权。' : '授予后该账号立即可以使用此权限。'}
        okText={held ? '收回' : '授予'}
        cancelText="取消"
        onConfirm={() => toggleGrant(row, action, !held)}
      >
        <Switch checked={held} loading={busy === `${row.module}:${action}`} aria-label={`${held ? '收回' : '授予'}${label}`} data-testid={`grant-${row.module}-${action}`} />
      </Popconfirm>
    );
  };

  const managedHere = manager && detail !== null && detail.id !== me?.id && detail.status !== AccountStatus.CANCELLED;

  return (
    <Drawer
      open={accountId !== null}
      onClose={onClose}
      width={720}
      title={detail ? `人员详情：${detail.name}` : '人员详情'}
      destroyOnClose
      extra={
        managedHere ? (
          <Space>
            <Button onClick={resetPassword}>重置密码</Button>
            <Popconfirm
              title={detail.status === AccountStatus.ACTIVE ? `停用 ${detail.name} 的账号？` : `启用 ${detail.name} 的账号？`}
              description={detail.status === AccountStatus.ACTIVE ? '停用后该账号不能登录，已登录的会话立即失效。' : '启用后该账号可以重新登录。'}
              okText={detail.status === AccountStatus.ACTIVE ? '停用' : '启用'}
              cancelText="取消"
              onConfirm={() =>
                act(
                  'status',
                  () => api.admin.setAccountStatus(detail.id, { status: detail.status === AccountStatus.ACTIVE ? AccountStatus.DISABLED : AccountStatus.ACTIVE }),
                  detail.status === AccountStatus.ACTIVE ? '账号已停用' : '账号已启用',
                )
              }
            >
              <Button danger={detail.status === AccountStatus.ACTIVE} loading={busy === 'status'}>
                {detail.status === AccountStatus.ACTIVE ? '停用账号' : '启用账号'}
              </Button>
            </Popconfirm>
          </Space>
        ) : null
      }
    >
      {problem && <Alert type="error" showIcon message={problem} role="alert" />}
      {loading && !detail && <Spin />}
      {detail && (
        <>
          <Space align="center" style={{ marginBottom: 16 }}>
            <Avatar size={56} src={detail.avatarUrl ?? undefined}>
              {detail.name.slice(-2)}
            </Avatar>
            <div>
              <Typography.Title level={4} style={{ margin: 0 }}>
                {detail.name}
              </Typography.Title>
              <Typography.Text type="secondary">{detail.roleLabel}</Typography.Text>
            </div>
          </Space>
          <Descriptions bordered size="small" column={2} data-testid="staff-detail">
            <Descriptions.Item label="用户名">{detail.username}</Descriptions.Item>
            <Descriptions.Item label="账号状态">
              <StatusTag status={detail.status} />
            </Descriptions.Item>
            <Descriptions.Item label="手机号码">{detail.phone}</Descriptions.Item>
            <Descriptions.Item label="职务">{detail.position ?? '-'}</Descriptions.Item>
            <Descriptions.Item label="所属行政区">{detail.districtName ?? '市局'}</Descriptions.Item>
            <Descriptions.Item label="所属街道">{detail.streetName ?? '-'}</Descriptions.Item>
            <Descriptions.Item label="电子邮箱">{detail.email ?? '-'}</Descriptions.Item>
            <Descriptions.Item label="微信绑定">{detail.wechatBound ? <Tag color="green">已绑定（{time(detail.boundAt)}）</Tag> : <Tag>未绑定</Tag>}</Descriptions.Item>
            <Descriptions.Item label="最近登录" span={2}>
              {time(detail.lastLoginAt)}
            </Descriptions.Item>
          </Descriptions>
          <Typography.Title level={5} style={{ marginTop: 24 }}>
            模块权限
          </Typography.Title>
          {manager && detail.id !== me?.id && (
            <Typography.Paragraph type="secondary">标注「市局赋权」的模块只能由市局账号授予或收回；每次授予或收回都需确认，并记入审计日志。</Typography.Paragraph>
          )}
          <Table<GrantRow>
            rowKey="module"
            size="small"
            pagination={false}
            scroll={{ x: 'max-content' }}
            dataSource={grantRows(detail.grants)}
            aria-label="模块权限"
            columns={[
              { title: '章节', dataIndex: 'chapter', width: 60 },
              { title: '模块', dataIndex: 'label', render: (_, row) => <Space>{row.label}{row.cityGrantOnly && <Tag color="purple">市局赋权</Tag>}</Space> },
              { title: '查看', key: 'view', width: 100, render: (_, row) => grantCell(row, GrantAction.VIEW) },
              { title: '操作', key: 'operate', width: 100, render: (_, row) => grantCell(row, GrantAction.OPERATE) },
            ]}
          />
        </>
      )}
    </Drawer>
  );
}
