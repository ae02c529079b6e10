import { Role } from '@szpm/contract';

/** The password of every account the demo seed creates. */
export const DEMO_PASSWORD = 'Demo@2026';

export interface DemoAccount {
  username: string;
  name: string;
  role: Role;
  /** district name, or null for the city bureau */
  district: string | null;
  /** street-office accounts: the street (name as in the region tree) */
  street?: string;
  description: string;
  /** keeps the initial password: its first login must change it (chapter 2's forced change) */
  initialPassword?: true;
}

/**
 * The demo logins (README "Demo logins"). Created only by the demo seed, never bound to WeChat,
 * so that identity binding can be tried with them.
 */
export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  { username: 'city.admin', name: '陈立新', role: Role.CITY_ADMIN, district: null, description: '市局管理员：全市数据，创建任何账号，授予市局专属模块权限' },
  { username: 'futian.lead', name: '刘建华', role: Role.DISTRICT_LEAD, district: '福田区', description: '福田区区局负责人：创建本区账号、授权、催绑，查看全区统计' },
  { username: 'futian.supervisor', name: '黄志强', role: Role.DISTRICT_SUPERVISOR, district: '福田区', description: '福田区物业服务评价区负责人：认定审核' },
  { username: 'futian.handler', name: '林晓敏', role: Role.DISTRICT_HANDLER, district: '福田区', description: '福田区物业服务评价区经办人：录入初审、受理' },
  { username: 'nanshan.lead', name: '张国平', role: Role.DISTRICT_LEAD, district: '南山区', description: '南山区区局负责人：创建本区账号、授权、催绑，查看全区统计' },
  { username: 'nanshan.supervisor', name: '吴海燕', role: Role.DISTRICT_SUPERVISOR, district: '南山区', description: '南山区物业服务评价区负责人：认定审核' },
  { username: 'nanshan.handler', name: '郑嘉怡', role: Role.DISTRICT_HANDLER, district: '南山区', description: '南山区物业服务评价区经办人：录入初审、受理' },
  {
    username: 'futian.newcomer',
    name: '陈思远',
    role: Role.DISTRICT_HANDLER,
    district: '福田区',
    initialPassword: true,
    description: '福田区新入职的经办人：账号仍为初始密码，首次登录须先修改密码',
  },
  { username: 'futian.street.yuanling', name: '赵雅琴', role: Role.STREET_OFFICER, district: '福田区', street: '园岭街道', description: '福田区园岭街道办工作人员：只看本街道的数据，处理转办到本街道的业务单' },
  { username: 'futian.street.xiangmihu', name: '孙国栋', role: Role.STREET_OFFICER, district: '福田区', street: '香蜜湖街道', description: '福田区香蜜湖街道办工作人员：只看本街道的数据，处理转办到本街道的业务单' },
  { username: 'demo.company', name: '李卫东', role: Role.PROPERTY_COMPANY, district: '福田区', description: '物业服务企业（福田区登记，管理福田区物业区域）：接收通知、提交申请' },
  { username: 'demo.manager', name: '王俊峰', role: Role.PROJECT_MANAGER, district: '福田区', description: '项目负责人（上述企业在福田区的项目经理）：接收通知、安全检查' },
  { username: 'demo.committee', name: '何秀兰', role: Role.OWNERS_COMMITTEE, district: '福田区', description: '业主委员会（福田区一个物业区域的业委会主任）：接收通知' },
];
