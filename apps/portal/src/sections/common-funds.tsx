import { BankOutlined } from '@ant-design/icons';
import { ModuleKey } from '@szpm/contract';
import { lazy } from 'react';
import type { PortalSection } from './section';

const page = {
  commonFunds: lazy(() => import('../pages/common-funds/CommonFundsPage')),
};

/**
 * Chapter 11, 共有资金 on PC: the district's 共有资金账户统计 (drill-down, every number opening its
 * list, search, 导出, 催办), the accounts with their transactions, 共享银行统计 with its chart, and
 * the 逾期未开户督办 timeline with 责令整改 / 行政处罚.
 */
export const commonFundsSection: PortalSection = {
  module: ModuleKey.COMMON_FUNDS,
  icon: <BankOutlined />,
  name: '共有资金',
  pages: [{ path: '/common-funds', name: '共有资金' }],
  routes: [{ path: '/common-funds', page: page.commonFunds }],
  quickEntries: { 'common-funds': '/common-funds' },
};
