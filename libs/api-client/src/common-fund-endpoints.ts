import type {
  AreaCommonFunds,
  CommonFundAccountDetail,
  CommonFundAccountItem,
  CommonFundAccountStatus,
  CommonFundAccountType,
  CommonFundBankStats,
  CommonFundCase,
  CommonFundCaseStage,
  CommonFundCellItem,
  CommonFundCellQuery,
  CommonFundStats,
  CommonFundStatsQuery,
  CommonFundSyncResult,
  CommonFundTransaction,
  Page,
  PenaltyRequest,
  RectifyOrderRequest,
  RegisterCommonFundAccountRequest,
  RegisterOwnCommonFundAccountRequest,
  SharedBank,
  UrgeResult,
} from '@szpm/contract';
import { ApiClient } from './client';
import { QueryValue, toQueryString } from './http';

const q = (query: object | undefined): Record<string, QueryValue> => (query ?? {}) as Record<string, QueryValue>;

/** GET /api/common-funds/accounts */
export interface CommonFundAccountQuery extends CommonFundStatsQuery {
  bankId?: number;
  accountType?: CommonFundAccountType;
  status?: CommonFundAccountStatus;
  propertyAreaId?: number;
  page?: number;
  pageSize?: number;
}

export interface CommonFundCaseQuery extends CommonFundStatsQuery {
  stage?: CommonFundCaseStage;
  page?: number;
  pageSize?: number;
}

export interface CommonFundUrgeRequest {
  districtId?: number;
  streetId?: number;
  communityId?: number;
  propertyAreaIds?: number[];
}

const BASE = '/common-funds';

/** Chapter 11 共有资金. */
export function commonFundEndpoints(client: ApiClient) {
  return {
    /** 共有资金账户统计 (region drill-down, 物业项目名称 search) and the rows behind a number */
    statistics: (query: CommonFundStatsQuery) => client.get<CommonFundStats>(`${BASE}/statistics`, q(query)),
    cells: (query: CommonFundCellQuery & { page?: number; pageSize?: number }) => client.get<Page<CommonFundCellItem>>(`${BASE}/statistics/cells`, q(query)),
    statisticsExportPath: (query: CommonFundStatsQuery) => `${BASE}/statistics/export${toQueryString(q(query))}`,
    cellsExportPath: (query: CommonFundCellQuery) => `${BASE}/statistics/cells/export${toQueryString(q(query))}`,
    /** 共享银行 */
    banks: () => client.get<SharedBank[]>(`${BASE}/banks`),
    bankStatistics: (query: CommonFundStatsQuery) => client.get<CommonFundBankStats>(`${BASE}/bank-statistics`, q(query)),
    bankStatisticsExportPath: (query: CommonFundStatsQuery) => `${BASE}/bank-statistics/export${toQueryString(q(query))}`,
    /** accounts */
    accounts: (query: CommonFundAccountQuery) => client.get<Page<CommonFundAccountItem>>(`${BASE}/accounts`, q(query)),
    accountsExportPath: (query: Omit<CommonFundAccountQuery, 'page' | 'pageSize' | 'propertyAreaId'>) => `${BASE}/accounts/export${toQueryString(q(query))}`,
    account: (id: number) => client.get<CommonFundAccountDetail>(`${BASE}/accounts/${id}`),
    transactions: (id: number, query: { page?: number; pageSize?: number } = {}) => client.get<Page<CommonFundTransaction>>(`${BASE}/accounts/${id}/transactions`, q(query)),
    register: (body: RegisterCommonFundAccountRequest) => client.post<CommonFundAccountDetail>(`${BASE}/accounts`, body),
    disable: (id: number) => client.post<CommonFundAccountDetail>(`${BASE}/accounts/${id}/disable`, {}),
    enable: (id: number) => client.post<CommonFundAccountDetail>(`${BASE}/accounts/${id}/enable`, {}),
    sync: (id: number) => client.post<CommonFundSyncResult>(`${BASE}/accounts/${id}/sync`, {}),
    /** 逾期未开户督办 */
    cases: (query: CommonFundCaseQuery) => client.get<Page<CommonFundCase>>(`${BASE}/cases`, q(query)),
    case: (id: number) => client.get<CommonFundCase>(`${BASE}/cases/${id}`),
    rectifyOrder: (id: number, body: RectifyOrderRequest) => client.post<CommonFundCase>(`${BASE}/cases/${id}/rectify-order`, body),
    penalty: (id: number, body: PenaltyRequest) => client.post<CommonFundCase>(`${BASE}/cases/${id}/penalty`, body),
    /** 催办 the unopened areas' project managers and committee chairs */
    urge: (body: CommonFundUrgeRequest) => client.post<UrgeResult>(`${BASE}/urge`, body),
    /** the area detail's 共有资金信息 tab */
    areaTab: (areaId: number) => client.get<AreaCommonFunds>(`/property-areas/${areaId}/common-funds`),
    /** the counterpart's own registration (项目负责人 共管账户, 业主委员会 基本账户) and the shared banks for its form */
    ownBanks: (areaId: number) => client.get<SharedBank[]>(`/property-areas/${areaId}/common-funds/banks`),
    registerOwn: (areaId: number, body: RegisterOwnCommonFundAccountRequest) => client.post<CommonFundAccountDetail>(`/property-areas/${areaId}/common-funds/accounts`, body),
  };
}

export type CommonFundEndpoints = ReturnType<typeof commonFundEndpoints>;
