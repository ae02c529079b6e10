import type {
  AdminAccountQuery,
  AuditLogPage,
  AuditLogQuery,
  CreateAccountRequest,
  CreatedAccount,
  GrantAction,
  GrantRequest,
  ModuleKey,
  Page,
  PasswordResetResult,
  QueueBoardSession,
  ResetPasswordRequest,
  SetAccountStatusRequest,
  StaffDetail,
  StaffListItem,
} from '@szpm/contract';
import { ApiClient } from './client';
import { QueryValue } from './http';

const q = (query: object | undefined): Record<string, QueryValue> => (query ?? {}) as Record<string, QueryValue>;

/** Account administration (district leads and city admins), the audit log and the queue dashboard (city admins). */
export function adminEndpoints(client: ApiClient) {
  return {
    accounts: (query: AdminAccountQuery) => client.get<Page<StaffListItem>>('/admin/accounts', q(query)),
    account: (id: number) => client.get<StaffDetail>(`/admin/accounts/${id}`),
    createAccount: (body: CreateAccountRequest) => client.post<CreatedAccount>('/admin/accounts', body),
    setAccountStatus: (id: number, body: SetAccountStatusRequest) => client.patch<void>(`/admin/accounts/${id}/status`, body),
    resetPassword: (id: number, body: ResetPasswordRequest = {}) => client.post<PasswordResetResult>(`/admin/accounts/${id}/reset-password`, body),
    addGrant: (id: number, body: GrantRequest) => client.post<void>(`/admin/accounts/${id}/grants`, body),
    removeGrant: (id: number, module: ModuleKey, action: GrantAction) => client.request<void>('DELETE', `/admin/accounts/${id}/grants/${module}/${action}`),
    auditLogs: (query: AuditLogQuery) => client.get<AuditLogPage>('/admin/audit-logs', q(query)),
    /** sets the short-lived cookie with which this browser opens the queue dashboard */
    queueBoardSession: () => client.post<QueueBoardSession>('/admin/queues/session'),
  };
}
