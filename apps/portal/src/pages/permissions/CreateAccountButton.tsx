import { ModalForm, ProFormDependency, ProFormSelect, ProFormText } from '@ant-design/pro-components';
import { CITY_ROLES, type CreateAccountRequest, ROLE_LABELS, Role, UNIT_CATEGORY_ROLE, UnitCategory } from '@szpm/contract';
import { Button, Form, Modal, Typography } from 'antd';
import { api, errorMessage } from '../../api';
import { isStrongPassword } from '../../logic/auth-messages';
import { creatableRoles } from '../../logic/permissions';
import { useSession } from '../../session';
import { streetOptions, useDistrictOptions } from './regions';

const CATEGORY_OF_ROLE = new Map<Role, UnitCategory>(Object.entries(UNIT_CATEGORY_ROLE).filter(([category]) => category !== UnitCategory.STREET_OFFICE).map(([category, role]) => [role, category as UnitCategory]));

type CreateForm = CreateAccountRequest;

const confirmed = (values: CreateForm) =>
  new Promise<boolean>((resolve) =>
    Modal.confirm({
      title: '确认创建账号？',
      content: `${values.name}（${ROLE_LABELS[values.role]}，用户名 ${values.username}）。账号创建后，本人用姓名和手机号码即可绑定微信；首次在电脑端登录须先修改初始密码。`,
      okText: '创建',
      cancelText: '返回修改',
      onOk: () => resolve(true),
      onCancel: () => resolve(false),
    }),
  );

/** 新建账号 (预设账号): leads for their district, city admins for anyone; the api places and checks it. */
export function CreateAccountButton({ onCreated }: { onCreated: () => void }) {
  const { me } = useSession();
  const city = me?.districtId === null;
  const districts = useDistrictOptions(city);
  const [form] = Form.useForm<CreateForm>();
  if (!me) return null;

  const submit = async (values: CreateForm) => {
    if (!(await confirmed(values))) return false;
    try {
      const created = await api.admin.createAccount({ ...values, districtId: values.districtId ?? me.districtId ?? undefined, password: values.password || undefined });
      Modal.success({
        title: `账号 ${created.username} 已创建`,
        content: created.temporaryPassword ? (
          <div>
            <p>系统生成的初始密码（请告知本人，关闭后不再显示）：</p>
            <Typography.Text copyable strong data-testid="temporary-password">
              {created.temporaryPassword}
            </Typography.Text>
          </div>
        ) : (
          '初始密码为您填写的密码；本人首次登录须先修改。'
        ),
      });
      form.resetFields();
      onCreated();
      return true;
    } catch (e) {
      Modal.error({ title: '账号未创建', content: errorMessage(e) });
      return false;
    }
  };

  return (
    <ModalForm<CreateForm>
      title="新建账号"
      form={form}
      width={560}
      trigger={<Button type="primary">新建账号</Button>}
      modalProps={{ destroyOnClose: true }}
      onFinish={submit}
      submitter={{ searchConfig: { submitText: '创建', resetText: '取消' } }}
    >
      <ProFormText name="username" label="用户名" rules={[{ required: true, message: '请输入用户名' }, { pattern: /^[A-Za-z0-9._-]{3,64}$/, message: '3至64位字母、数字、点、下划线或连字符' }]} placeholder="如 futian.staff07" />
      <ProFormText name="name" label="姓名" rules={[{ required: true, message: '请输入姓名' }, { max: 32 }]} />
      <ProFormText name="phone" label="手机号码" rules={[{ required: true, message: '请输入手机号码' }, { pattern: /^1[3-9]\d{9}$/, message: '请输入11位手机号码' }]} />
      <ProFormSelect name="role" label="角色" rules={[{ required: true, message: '请选择角色' }]} options={creatableRoles(me.role).map((r) => ({ value: r, label: ROLE_LABELS[r] }))} />
      <ProFormDependency name={['role', 'districtId']}>
        {({ role, districtId }: Partial<CreateForm>) => {
          const cityRole = role !== undefined && CITY_ROLES.includes(role);
          const district = districtId ?? me.districtId ?? undefined;
          const category = role ? CATEGORY_OF_ROLE.get(role) : undefined;
          return (
            <>
              {city && role && !cityRole && <ProFormSelect name="districtId" label="所属行政区" rules={[{ required: true, message: '请选择行政区' }]} options={districts} />}
              {role === Role.STREET_OFFICER && district !== undefined && (
                <ProFormSelect key={`street-${district}`} name="streetId" label="所属街道" rules={[{ required: true, message: '请选择街道' }]} request={() => streetOptions(district)} />
              )}
              {category && district !== undefined && (
                <ProFormSelect
                  key={`unit-${category}-${district}`}
                  name="unitId"
                  label="所代表的单位"
                  showSearch
                  rules={[{ required: true, message: '请选择单位' }]}
                  debounceTime={300}
                  fieldProps={{ filterOption: false }}
                  request={async ({ keyWords }: { keyWords?: string }) =>
                    (await api.permissions.units(category, { search: keyWords || undefined, districtId: district, pageSize: 50 })).items.map((u) => ({ value: u.unitId, label: u.name }))
                  }
                />
              )}
            </>
          );
        }}
      </ProFormDependency>
      <ProFormText name="position" label="职务" rules={[{ max: 64 }]} />
      <ProFormText name="email" label="电子邮箱" rules={[{ type: 'email', message: '请输入正确的电子邮箱' }]} />
      <ProFormText.Password
        name="password"
        label="初始密码"
        placeholder="不填则由系统生成"
        fieldProps={{ autoComplete: 'new-password' }}
        extra="8至64位，包含大写字母、小写字母、数字、符号中的至少三类；本人首次登录须修改。"
        rules={[{ validator: (_, value: string) => (!value || isStrongPassword(value) ? Promise.resolve() : Promise.reject(new Error('初始密码不符合密码规则'))) }]}
      />
    </ModalForm>
  );
}
