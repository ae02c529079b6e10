import { AccountStatus, Role, UnitCategory } from './roles';
import { GrantAction, GrantDto, ModuleKey, QuickEntry } from './modules';
import { UrgeResult } from './notifications';

export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
  /** lists with keyset paging: pass it as `cursor` for the next page (absent on the last page) */
  nextCursor?: string;
}

export interface TokenPair {
  accessToken: string;
  refreshToken: string;
  /** seconds until the access token expires */
  expiresIn: number;
}

/** Why the account must change its password first: INITIAL (set by an admin) or EXPIRED (older than PASSWORD_MAX_AGE_DAYS). */
export type PasswordChangeReason = 'INITIAL' | 'EXPIRED';

/** Whether the account must change its password before anything else (AUTH_PASSWORD_CHANGE_REQUIRED elsewhere). */
export interface PasswordChangeStatus {
  passwordChangeRequired: boolean;
  passwordChangeReason: PasswordChangeReason | null;
}

/** POST /api/auth/login */
export interface LoginResponse extends TokenPair, PasswordChangeStatus {}

export interface ModuleGrantSummary {
  module: ModuleKey;
  label: string;
  actions: GrantAction[];
}

export interface MeResponse {
  id: number;
  username: string;
  name: string;
  phone: string;
  role: Role;
  roleLabel: string;
  districtId: number | null;
  districtName: string | null;
  streetId: number | null;
  wechatBound: boolean;
  modules: ModuleGrantSummary[];
  quickEntries: QuickEntry[];
  passwordChangeRequired: boolean;
  passwordChangeReason: PasswordChangeReason | null;
}

export interface WechatLoginResponse {
  bound: boolean;
  /** present when bound */
  tokens?: TokenPair;
  modules?: ModuleGrantSummary[];
  /** present when not bound: hand it to POST /api/identity/bind */
  bindTicket?: string;
}

/** POST /api/identity/wechat/dev/login (embedded mode): the login answer and the local openid to keep for the next dev sign-in */
export interface DevWechatLoginResponse extends WechatLoginResponse {
  openid: string;
}

export interface BindResponse {
  tokens: TokenPair;
  account: MeResponse;
}

export interface StaffListItem {
  id: number;
  name: string;
  phone: string;
  role: Role;
  roleLabel: string;
  position: string | null;
  avatarUrl: string | null;
  wechatBound: boolean;
  status: AccountStatus;
  /** the account's district (null: a city account); the city's lists mix districts */
  districtName: string | null;
}

export interface StaffDetail extends StaffListItem {
  username: string;
  email: string | null;
  districtName: string | null;
  streetName: string | null;
  boundAt: string | null;
  lastLoginAt: string | null;
  grants: GrantDto[];
}

export interface UnitCategoryStats {
  category: UnitCategory;
  label: string;
  allUnits: number;
  unitsWithoutAccount: number;
  accountTotal: number;
  bound: number;
  unbound: number;
}

/** 催绑 (withoutAccount is always 0: recipients are accounts) */
export interface UrgeBindingResult extends UrgeResult {
  /** chosen accounts that are bound already */
  skippedAlreadyBound: number;
}

export interface RegionNode {
  id: number;
  name: string;
  level: 'DISTRICT' | 'STREET' | 'COMMUNITY';
  propertyAreaCount: number;
  children?: RegionNode[];
}

export interface InboxMessage {
  id: number;
  campaignId: number;
  kind: string;
  title: string;
  content: string;
  link: string | null;
  senderName: string | null;
  createdAt: string;
  readAt: string | null;
}

export interface UnitListItem {
  unitId: number;
  name: string;
  accountCount: number;
  boundCount: number;
}

export interface UnitAccountListItem extends StaffListItem {
  unitCategory: UnitCategory | null;
  unitId: number | null;
  unitName: string | null;
}

export interface CreatedAccount {
  id: number;
  username: string;
  /** shown once when the server generated the first password */
  temporaryPassword: string | null;
}

/** POST /api/admin/accounts/:id/reset-password: the account's password is initial again (it must change it at its next login) */
export interface PasswordResetResult {
  /** shown once when the server generated the password */
  temporaryPassword: string | null;
}

/** How an audited write ended: done, refused by access control (401 / 403), or failed otherwise. */
export type AuditOutcomeValue = 'succeeded' | 'refused' | 'failed';

/** GET /api/admin/audit-logs: one write through the API */
export interface AuditLogItem {
  id: number;
  createdAt: string;
  actorId: number | null;
  actorName: string | null;
  actorUsername: string | null;
  /** 代办委托: the delegator the actor acted for */
  onBehalfOfId: number | null;
  onBehalfOfName: string | null;
  districtId: number | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  method: string;
  path: string;
  statusCode: number;
  outcome: AuditOutcomeValue;
  errorCode: string | null;
  requestId: string;
  ip: string | null;
}

/** The audit-log list with the window it covers (the default: the last AUDIT_LOG_DEFAULT_DAYS days). */
export interface AuditLogPage extends Page<AuditLogItem> {
  from: string;
  to: string;
}

export const AUDIT_LOG_DEFAULT_DAYS = 90;
