import {
  COMMON_FUND_ACCOUNT_STATUS_LABELS,
  COMMON_FUND_ACCOUNT_TYPE_LABELS,
  COMMON_FUND_CASE_STAGE_LABELS,
  COMMON_FUND_DIRECTION_LABELS,
  COMMON_FUND_FEED_ISSUE_LABELS,
  COMMON_FUND_REGISTRANT_TYPE_LABELS,
  CommonFundAccountItem,
  CommonFundAccountStatus,
  CommonFundAccountType,
  CommonFundCase as CommonFundCaseView,
  CommonFundCaseEvent,
  CommonFundFeedIssue,
  CommonFundRegistrantType,
  CommonFundTransaction,
} from '@szpm/contract';
import { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { Region } from '../regions/entities/region.entity';
import { PropertyArea } from '../regions/entities/property-area.entity';
import { joinAreaContext, selectAreaContext, toAreaContext } from '../regions/statistics/area-context';
import { CommonFundCase, CommonFundCaseEventRow, CommonFundFeedIssueRow, CommonFundTransactionRow } from './entities';

/** A datetime as ISO text: MySQL hands Date objects, SQLite 'YYYY-MM-DD HH:MM:SS' in UTC. */
export function isoOf(value: unknown): string {
  if (value instanceof Date) return value.toISOString();
  const text = String(value);
  return new Date(/[zZ]|[+-]\d{2}:?\d{2}$/.test(text) ? text : `${text.replace(' ', 'T')}Z`).toISOString();
}

/** Joins an account list's area `a`, its names and district `d` (the accounts `x` are already scoped). */
export function joinAccountContext<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>): SelectQueryBuilder<T> {
  return joinAccountNames(joinAccountArea(qb));
}

/** Joins the area `a` of accounts `x` (every account has one): what a list's search and count need. */
export function joinAccountArea<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>): SelectQueryBuilder<T> {
  // eslint-disable-next-line szpm/no-raw-scoped-access -- the area of accounts the calling query has already scoped
  return qb.innerJoin(PropertyArea, 'a', 'a.id = x.propertyAreaId');
}

/** Joins the names a list row shows (district `d`, street, community, company, manager) to accounts `x` with their area `a`: only for the rows of a page. */
export function joinAccountNames<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>): SelectQueryBuilder<T> {
  // eslint-disable-next-line szpm/no-raw-scoped-access -- the district name of accounts the calling query has already scoped
  qb.leftJoin(Region, 'd', 'd.id = a.districtId');
  return joinAreaContext(qb, { area: 'a' });
}

export function selectAccountColumns<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>): SelectQueryBuilder<T> {
  qb.select([
    'x.id AS id',
    'x.propertyAreaId AS propertyAreaId',
    'x.accountNo AS accountNo',
    'x.accountName AS accountName',
    'x.bankId AS bankId',
    'x.bankName AS bankName',
    'x.accountType AS accountType',
    'x.status AS status',
    'x.feedAbnormal AS feedAbnormal',
    'x.registrantType AS registrantType',
    'x.registrant AS registrant',
    'x.registeredAt AS registeredAt',
    'x.balance AS balance',
    'x.lastTransactionAt AS lastTransactionAt',
    'd.name AS districtName',
  ]);
  return selectAreaContext(qb, 'a');
}

export function isAbnormal(status: CommonFundAccountStatus, feedAbnormal: unknown): boolean {
  return status === CommonFundAccountStatus.DISABLED || Number(feedAbnormal) === 1 || feedAbnormal === true;
}

export function toAccountItem(raw: Record<string, unknown>): CommonFundAccountItem {
  const context = toAreaContext(raw);
  const status = raw.status as CommonFundAccountStatus;
  const type = raw.accountType as CommonFundAccountType;
  const registrantType = raw.registrantType as CommonFundRegistrantType;
  return {
    id: Number(raw.id),
    propertyAreaId: Number(raw.propertyAreaId),
    propertyAreaName: context.propertyAreaName,
    districtName: (raw.districtName as string | null) ?? '',
    streetName: context.streetName,
    communityName: context.communityName,
    companyName: context.companyName,
    accountNo: String(raw.accountNo),
    accountName: String(raw.accountName),
    bankId: Number(raw.bankId),
    bankName: String(raw.bankName),
    accountType: type,
    accountTypeLabel: COMMON_FUND_ACCOUNT_TYPE_LABELS[type],
    status,
    statusLabel: COMMON_FUND_ACCOUNT_STATUS_LABELS[status],
    abnormal: isAbnormal(status, raw.feedAbnormal),
    registrantType,
    registrantTypeLabel: COMMON_FUND_REGISTRANT_TYPE_LABELS[registrantType],
    registrant: String(raw.registrant),
    registeredAt: isoOf(raw.registeredAt),
    balance: Number(raw.balance ?? 0),
    lastTransactionAt: raw.lastTransactionAt === null || raw.lastTransactionAt === undefined ? null : isoOf(raw.lastTransactionAt),
  };
}

export function toTransaction(t: CommonFundTransactionRow): CommonFundTransaction {
  return {
    id: t.id,
    seq: t.seq,
    transTime: isoOf(t.transTime),
    direction: t.direction,
    directionLabel: COMMON_FUND_DIRECTION_LABELS[t.direction],
    amount: Number(t.amount),
    balance: Number(t.balance),
    summary: t.summary,
  };
}

export function toFeedIssue(i: CommonFundFeedIssueRow): CommonFundFeedIssue {
  return { id: i.id, kind: i.kind, kindLabel: COMMON_FUND_FEED_ISSUE_LABELS[i.kind], detail: i.detail, detectedAt: isoOf(i.detectedAt) };
}

export function toCaseView(c: CommonFundCase, areaName: string, events: CommonFundCaseEventRow[]): CommonFundCaseView {
  return {
    id: c.id,
    propertyAreaId: c.propertyAreaId,
    propertyAreaName: areaName,
    stage: c.stage,
    stageLabel: COMMON_FUND_CASE_STAGE_LABELS[c.stage],
    triggerDate: c.triggerDate,
    dueDate: c.dueDate,
    orderNo: c.orderNo,
    orderDate: c.orderDate,
    rectifyDeadline: c.rectifyDeadline,
    penaltyNo: c.penaltyNo,
    penaltyDate: c.penaltyDate,
    penaltyAmount: c.penaltyAmount === null ? null : Number(c.penaltyAmount),
    closedAt: c.closedAt === null ? null : isoOf(c.closedAt),
    events: events.map(toCaseEvent),
  };
}

export function toCaseEvent(e: CommonFundCaseEventRow): CommonFundCaseEvent {
  return { id: e.id, stage: e.stage, stageLabel: COMMON_FUND_CASE_STAGE_LABELS[e.stage], at: isoOf(e.at), actorName: e.actorName, note: e.note };
}
