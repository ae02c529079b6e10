import { AccountStatus, GrantAction, MODULE_BY_KEY, StaffDetail } from '@szpm/contract';
import { formatDateTime } from '../logic/format';
import { InfoRows, Section } from './InfoRows';

const ACCOUNT_STATUS_LABELS: Record<AccountStatus, string> = {
  [AccountStatus.ACTIVE]: '正常',
  [AccountStatus.DISABLED]: '已停用',
  [AccountStatus.CANCELLED]: '已注销',
};

/** 人员详情: role, unit, binding and module grants. */
export function StaffDetailView({ person }: { person: StaffDetail }) {
  const view = person.grants.filter((g) => g.action === GrantAction.VIEW).map((g) => MODULE_BY_KEY[g.module]?.label ?? g.module);
  const operate = person.grants.filter((g) => g.action === GrantAction.OPERATE).map((g) => MODULE_BY_KEY[g.module]?.label ?? g.module);
  return (
    <>
      <Section title="基本信息" id="staff-info">
        <InfoRows
          rows={[
            { label: '姓名', value: person.name },
            { label: '用户名', value: person.username },
            { label: '角色', value: person.roleLabel },
            { label: '职务', value: person.position ?? '—' },
            { label: '手机号码', value: person.phone },
            { label: '电子邮箱', value: person.email ?? '—' },
            { label: '所属区局', value: person.districtName ?? '市局' },
            { label: '所属街道', value: person.streetName ?? '—' },
            { label: '账号状态', value: ACCOUNT_STATUS_LABELS[person.status] },
            { label: '微信绑定', value: person.wechatBound ? `已绑定（${formatDateTime(person.boundAt)}）` : '未绑定' },
            { label: '最近登录', value: formatDateTime(person.lastLoginAt) },
          ]}
        />
      </Section>
      <Section title="模块权限">
        <InfoRows
          rows={[
            { label: '查看', value: view.length ? view.join('、') : '无' },
            { label: '办理', value: operate.length ? operate.join('、') : '无' },
          ]}
        />
      </Section>
    </>
  );
}
