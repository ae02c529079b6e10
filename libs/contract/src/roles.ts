/** Account roles. Officer roles act inside the platform; unit roles are the counterparts that receive notices and file applications. */
export enum Role {
  CITY_ADMIN = 'CITY_ADMIN',
  CITY_OFFICER = 'CITY_OFFICER',
  DISTRICT_LEAD = 'DISTRICT_LEAD',
  DISTRICT_SUPERVISOR = 'DISTRICT_SUPERVISOR',
  DISTRICT_HANDLER = 'DISTRICT_HANDLER',
  STREET_OFFICER = 'STREET_OFFICER',
  PROPERTY_COMPANY = 'PROPERTY_COMPANY',
  PROJECT_MANAGER = 'PROJECT_MANAGER',
  OWNERS_COMMITTEE = 'OWNERS_COMMITTEE',
}

export const ROLE_LABELS: Record<Role, string> = {
  [Role.CITY_ADMIN]: '市局管理员',
  [Role.CITY_OFFICER]: '市局工作人员',
  [Role.DISTRICT_LEAD]: '区局负责人',
  [Role.DISTRICT_SUPERVISOR]: '物业服务评价区负责人',
  [Role.DISTRICT_HANDLER]: '物业服务评价区经办人',
  [Role.STREET_OFFICER]: '街道办工作人员',
  [Role.PROPERTY_COMPANY]: '物业服务企业',
  [Role.PROJECT_MANAGER]: '项目负责人',
  [Role.OWNERS_COMMITTEE]: '业主委员会',
};

export const CITY_ROLES: readonly Role[] = [Role.CITY_ADMIN, Role.CITY_OFFICER];
export const DISTRICT_ROLES: readonly Role[] = [
  Role.DISTRICT_LEAD,
  Role.DISTRICT_SUPERVISOR,
  Role.DISTRICT_HANDLER,
  Role.STREET_OFFICER,
];
export const UNIT_ROLES: readonly Role[] = [Role.PROPERTY_COMPANY, Role.PROJECT_MANAGER, Role.OWNERS_COMMITTEE];

export enum AccountStatus {
  ACTIVE = 'ACTIVE',
  DISABLED = 'DISABLED',
  /** 注销: the owner cancelled the account; it can no longer log in, its history stays. */
  CANCELLED = 'CANCELLED',
}

/** The unit an account speaks for; the categories of the binding statistics (用户统计). */
export enum UnitCategory {
  STREET_OFFICE = 'STREET_OFFICE',
  PROPERTY_COMPANY = 'PROPERTY_COMPANY',
  PROJECT_MANAGER = 'PROJECT_MANAGER',
  OWNERS_COMMITTEE = 'OWNERS_COMMITTEE',
}

export const UNIT_CATEGORY_LABELS: Record<UnitCategory, string> = {
  [UnitCategory.STREET_OFFICE]: '街道办',
  [UnitCategory.PROPERTY_COMPANY]: '物业服务企业',
  [UnitCategory.PROJECT_MANAGER]: '物业项目（项目负责人）',
  [UnitCategory.OWNERS_COMMITTEE]: '业主委员会',
};

export const UNIT_CATEGORY_ROLE: Record<UnitCategory, Role> = {
  [UnitCategory.STREET_OFFICE]: Role.STREET_OFFICER,
  [UnitCategory.PROPERTY_COMPANY]: Role.PROPERTY_COMPANY,
  [UnitCategory.PROJECT_MANAGER]: Role.PROJECT_MANAGER,
  [UnitCategory.OWNERS_COMMITTEE]: Role.OWNERS_COMMITTEE,
};
