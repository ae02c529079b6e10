import { Inject, Injectable, OnApplicationBootstrap, StreamableFile } from '@nestjs/common';
import {
  AreaCommonFunds,
  COMMON_FUND_REGISTRANT_TYPES,
  CommonErrorCode,
  CommonFundAccountDetail,
  CommonFundAccountItem,
  CommonFundAccountStatus,
  CommonFundAccountType,
  CommonFundErrorCode,
  CommonFundFeedIssueKind,
  CommonFundSyncResult,
  CommonFundTransaction,
  ModuleKey,
  normalizeAccountNo,
  isValidAccountNo,
  Page,
  SharedBank as SharedBankView,
  UnitCategory,
} from '@szpm/contract';
import { DataSource, EntityManager, In, IsNull, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { Actor } from '../../access/actor';
import { DistrictScope } from '../../access/district-scope';
import { AppException } from '../../common/errors/app.exception';
import { inBatches, xlsxDownload } from '../../common/excel/xlsx-export';
import { pageWindow, toPage } from '../../common/http/pagination.dto';
import { AppConfig, APP_CONFIG } from '../../config/app-config';
import { PropertyAreasService } from '../property-areas/areas/property-areas.service';
import { PropertyAreaProfile } from '../property-areas/entities/property-area-profile.entity';
import { OwnersCommittee } from '../regions/entities/owners-committee.entity';
import { PropertyArea } from '../regions/entities/property-area.entity';
import { BankFeed } from './bank-feed';
import { CommonFundCasesService, areaFacts } from './common-fund-cases.service';
import { replayFeed, shouldOpenAccount } from './common-fund-rules';
import { CommonFundException } from './common-funds.exception';
import { joinAccountArea, joinAccountContext, joinAccountNames, selectAccountColumns, toAccountItem, toFeedIssue, toTransaction } from './common-fund-views';
import { CommonFundAccountExportQueryDto, CommonFundAccountQueryDto, RegisterCommonFundAccountDto, RegisterOwnCommonFundAccountDto, TransactionQueryDto } from './dto/common-fund.dto';
import { CommonFundAccount, CommonFundFeedIssueRow, CommonFundTransactionRow, SharedBank } from './entities';
import { ensureSharedBanks } from './shared-bank-defaults';

export const ACCOUNT_LABEL = '共有资金账户';
const LATEST_TRANSACTIONS = 20;

/** The account type each counterpart opens (manual ch. 11): the company's project manager 共管, the owners' committee 基本. */
const COUNTERPART_ACCOUNT_TYPE: Partial<Record<string, CommonFundAccountType>> = {
  [UnitCategory.PROJECT_MANAGER]: CommonFundAccountType.CO_MANAGED,
  [UnitCategory.OWNERS_COMMITTEE]: CommonFundAccountType.BASIC,
};

/** The accounts ledger as exported: the columns of the list on screen. */
const ACCOUNT_COLUMNS = [
  { header: '物业项目', width: 28, value: (a: CommonFundAccountItem) => a.propertyAreaName },
  { header: '行政区域', value: (a: CommonFundAccountItem) => a.districtName },
  { header: '所属街道', value: (a: CommonFundAccountItem) => a.streetName },
  { header: '所属社区', value: (a: CommonFundAccountItem) => a.communityName },
  { header: '物业企业', width: 28, value: (a: CommonFundAccountItem) => a.companyName },
  { header: '登记人', value: (a: CommonFundAccountItem) => a.registrant },
  { header: '账户号码', width: 24, value: (a: CommonFundAccountItem) => a.accountNo },
  { header: '户名', width: 28, value: (a: CommonFundAccountItem) => a.accountName },
  { header: '开户行', width: 20, value: (a: CommonFundAccountItem) => a.bankName },
  { header: '账户类型', value: (a: CommonFundAccountItem) => a.accountTypeLabel },
  { header: '账户状态', value: (a: CommonFundAccountItem) => (a.abnormal && a.statusLabel === '正常' ? '正常（流水异常）' : a.statusLabel) },
  { header: '余额（元）', width: 16, value: (a: CommonFundAccountItem) => a.balance },
];

/**
 * 共有资金账户: the shared-bank dictionary, the accounts ledger (list, export, 登记, 启用 / 禁用),
 * the transactions from the banks' feed (replayed in order; a gap or a wrong balance is recorded as
 * an issue and the account counts as 异常), and the area's 共有资金信息 tab.
 */
@Injectable()
export class CommonFundsService implements OnApplicationBootstrap {
  constructor(
    private readonly dataSource: DataSource,
    private readonly scope: DistrictScope,
    private readonly areas: PropertyAreasService,
    private readonly cases: CommonFundCasesService,
    private readonly feed: BankFeed,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await ensureSharedBanks(this.dataSource.manager);
  }

  private accounts(actor: Actor, manager?: EntityManager) {
    return this.scope.repository(actor, CommonFundAccount, ACCOUNT_LABEL, manager);
  }

  banks(): Promise<SharedBankView[]> {
    return this.dataSource.getRepository(SharedBank).find({ select: { id: true, code: true, name: true }, order: { sortOrder: 'ASC', id: 'ASC' } });
  }

  async list(actor: Actor, query: CommonFundAccountQueryDto): Promise<Page<CommonFundAccountItem>> {
    const window = pageWindow(query);
    const qb = await this.filtered(actor, query);
    // the count reads the accounts and their areas only (no names, no DISTINCT): what the total needs
    const total = Number((await qb.clone().select('COUNT(*)', 'n').getRawOne<{ n: number | string }>())?.n ?? 0);
    // the page's ids first (a derived table), the names joined to those rows only: sorting by id
    // before the joins, so a filtered page (by bank, by search) does not join every matching row
    const page = qb.clone().select('x.id', 'pageId').orderBy('x.id', 'ASC').offset(window.skip).limit(window.take);
    // eslint-disable-next-line szpm/no-raw-scoped-access -- the accounts of a page the scoped door has just selected (joined to it by id)
    const paged = joinAccountContext(this.dataSource.getRepository(CommonFundAccount).createQueryBuilder('x').innerJoin(`(${page.getQuery()})`, 'pg', 'pg.pageId = x.id')).setParameters(page.getParameters());
    const rows = await selectAccountColumns(paged).orderBy('x.id', 'ASC').getRawMany<Record<string, unknown>>();
    return toPage(rows.map(toAccountItem), total, window);
  }

  async export(actor: Actor, query: CommonFundAccountExportQueryDto): Promise<StreamableFile> {
    const qb = await this.filtered(actor, query);
    const rows = () =>
      inBatches<CommonFundAccountItem, number>(async (after) => {
        const page = selectAccountColumns(joinAccountNames(qb.clone())).orderBy('x.id', 'ASC').limit(1000);
        if (after !== null) page.andWhere('x.id > :afterId', { afterId: after });
        return (await page.getRawMany<Record<string, unknown>>()).map(toAccountItem);
      }, (a) => a.id);
    const title = '共有资金账户';
    return xlsxDownload(`${title}.xlsx`, { title, sheets: [{ name: title, columns: ACCOUNT_COLUMNS, rows }] });
  }

  async detail(actor: Actor, id: number): Promise<CommonFundAccountDetail> {
    await this.account(actor, id);
    const qb = joinAccountContext(this.accounts(actor).query('x')).andWhere('x.id = :id', { id });
    const raw = await selectAccountColumns(qb).getRawOne<Record<string, unknown>>();
    const issues = await this.dataSource.getRepository(CommonFundFeedIssueRow).find({ where: { accountId: id, resolvedAt: IsNull() }, order: { id: 'ASC' } });
    return { ...toAccountItem(raw!), feedIssues: issues.map(toFeedIssue) };
  }

  async transactions(actor: Actor, id: number, query: TransactionQueryDto): Promise<Page<CommonFundTransaction>> {
    await this.account(actor, id);
    const window = pageWindow(query);
    const [rows, total] = await this.dataSource
      .getRepository(CommonFundTransactionRow)
      .findAndCount({ where: { accountId: id }, order: { seq: 'DESC' }, skip: window.skip, take: window.take });
    return toPage(rows.map(toTransaction), total, window);
  }

  /**
   * 登记 by an officer: at a bank of the dictionary, a number of the right form not yet registered at
   * that bank, a registrant of the account type's side; a normal account closes the area's open case.
   */
  async register(actor: Actor, body: RegisterCommonFundAccountDto): Promise<CommonFundAccountDetail> {
    const checked = await this.checkedRegistration(body);
    const area = await this.scope
      .repository(actor, PropertyArea, '物业项目')
      .findById(body.propertyAreaId)
      .catch((error: unknown) => {
        if (error instanceof AppException && error.code === CommonErrorCode.NOT_FOUND) throw AppException.invalidField('propertyAreaId', '物业项目不存在');
        throw error;
      });
    const id = await this.insertAccount(actor, area, body, checked, (manager) => this.accounts(actor, manager).assertInScope(area.districtId, area.streetId));
    return this.detail(actor, id);
  }

  /**
   * 登记 by the area's own side (manual ch. 11): its project manager opens the 共管账户, its owners'
   * committee the 基本账户. The same checks as the officer's; the area is the counterpart's own
   * (readableArea: another's is a 403).
   */
  async registerOwn(actor: Actor, areaId: number, body: RegisterOwnCommonFundAccountDto): Promise<CommonFundAccountDetail> {
    const ownType = COUNTERPART_ACCOUNT_TYPE[actor.unitCategory ?? ''];
    if (!ownType || actor.unitId === null) throw AppException.forbidden('只有项目负责人（共管账户）和业主委员会（基本账户）账号可以登记本项目的共有资金账户');
    const area = await this.areas.readableArea(actor, areaId, ModuleKey.COMMON_FUNDS);
    if (body.accountType !== ownType) {
      throw new CommonFundException(CommonFundErrorCode.REGISTRANT_TYPE_MISMATCH, {
        field: 'accountType',
        message: ownType === CommonFundAccountType.CO_MANAGED ? '项目负责人只能登记共管账户（基本账户由业主大会开设，业委会登记）' : '业主委员会只能登记基本账户（共管账户由物业服务企业开设，项目负责人登记）',
      });
    }
    const checked = await this.checkedRegistration(body);
    const id = await this.insertAccount(actor, area, body, checked, () => undefined);
    return this.ownDetail(id);
  }

  /** The shared banks for a counterpart's form (the dictionary is not scoped; the area must be the actor's own). */
  async banksFor(actor: Actor, areaId: number): Promise<SharedBankView[]> {
    await this.areas.readableArea(actor, areaId, ModuleKey.COMMON_FUNDS);
    return this.banks();
  }

  /** The form checks that need no area: the number's form, the registrant's side, the bank in the dictionary. */
  private async checkedRegistration(body: RegisterOwnCommonFundAccountDto): Promise<{ accountNo: string; bank: SharedBank }> {
    const accountNo = normalizeAccountNo(body.accountNo);
    if (!isValidAccountNo(accountNo)) throw new CommonFundException(CommonFundErrorCode.ACCOUNT_NO_INVALID);
    if (!COMMON_FUND_REGISTRANT_TYPES[body.accountType].includes(body.registrantType)) throw new CommonFundException(CommonFundErrorCode.REGISTRANT_TYPE_MISMATCH);
    const bank = await this.dataSource.getRepository(SharedBank).findOne({ where: { id: body.bankId } });
    if (!bank) throw new CommonFundException(CommonFundErrorCode.BANK_NOT_SHARED);
    return { accountNo, bank };
  }

  /** Writes the account of an admitted area and closes its open case, in one transaction; the number unique city-wide. */
  private insertAccount(
    actor: Actor,
    area: PropertyArea,
    body: RegisterOwnCommonFundAccountDto,
    { accountNo, bank }: { accountNo: string; bank: SharedBank },
    admit: (manager: EntityManager) => void,
  ): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      // eslint-disable-next-line szpm/no-raw-scoped-access -- uniqueness of (bank, number) is city-wide: the same account cannot belong to two areas; nothing of the row is returned
      if (await manager.getRepository(CommonFundAccount).exists({ where: { bankId: bank.id, accountNo } })) throw new CommonFundException(CommonFundErrorCode.ACCOUNT_DUPLICATE);
      admit(manager);
      // eslint-disable-next-line szpm/no-raw-scoped-access -- a new account of an area the caller has just admitted (the officer's door or the counterpart's own area)
      const saved = await manager.getRepository(CommonFundAccount).save({
        districtId: area.districtId,
        streetId: area.streetId,
        communityId: area.communityId,
        propertyAreaId: area.id,
        accountType: body.accountType,
        accountNo,
        accountName: body.accountName,
        bankId: bank.id,
        bankName: bank.name,
        status: CommonFundAccountStatus.NORMAL,
        registrantType: body.registrantType,
        registrant: body.registrant,
        registeredAt: new Date(),
        registeredById: actor.accountId,
        balance: 0,
        lastSeq: 0,
        lastTransactionAt: null,
        lastPulledAt: null,
        feedSeenAt: null,
        feedAbnormal: false,
      });
      await this.cases.closeForOpenedAccount(manager, area.id, { id: actor.accountId, name: actor.name }, accountNo);
      return saved.id;
    });
  }

  /** The detail of an account the counterpart has just registered on its own area. */
  private async ownDetail(id: number): Promise<CommonFundAccountDetail> {
    // eslint-disable-next-line szpm/no-raw-scoped-access -- the account just written on the counterpart's own area (readableArea admitted it)
    const qb = joinAccountContext(this.dataSource.getRepository(CommonFundAccount).createQueryBuilder('x')).where('x.id = :id', { id });
    const raw = await selectAccountColumns(qb).getRawOne<Record<string, unknown>>();
    return { ...toAccountItem(raw!), feedIssues: [] };
  }

  /** 启用 / 禁用; enabling makes the area opened again and closes its open case. */
  async setStatus(actor: Actor, id: number, status: CommonFundAccountStatus): Promise<CommonFundAccountDetail> {
    await this.dataSource.transaction(async (manager) => {
      const account = await this.account(actor, id, manager);
      if (account.status === status) throw new CommonFundException(CommonFundErrorCode.ACCOUNT_STATUS_UNCHANGED, { field: 'status' });
      // eslint-disable-next-line szpm/no-raw-scoped-access -- the account the door has just returned
      await manager.getRepository(CommonFundAccount).update({ id }, { status });
      if (status === CommonFundAccountStatus.NORMAL) await this.cases.closeForOpenedAccount(manager, account.propertyAreaId, { id: actor.accountId, name: actor.name }, account.accountNo);
    });
    return this.detail(actor, id);
  }

  /** 同步流水: pulls the bank feed after the last accepted number and replays it. */
  async sync(actor: Actor, id: number): Promise<CommonFundSyncResult> {
    const account = await this.account(actor, id);
    return this.syncAccount(account);
  }

  /**
   * Replays the feed onto the account in one transaction: the accepted transactions, the balance
   * (always the last one's), and an issue for what was not accepted (the account is 异常 until a
   * later pull continues cleanly). A malformed answer is an issue too; nothing of it is kept.
   */
  async syncAccount(account: CommonFundAccount): Promise<CommonFundSyncResult> {
    const bank = await this.dataSource.getRepository(SharedBank).findOneOrFail({ where: { id: account.bankId } });
    const answer = await this.feed.transactions(bank.code, account.accountNo, account.lastSeq);
    return this.dataSource.transaction(async (manager) => {
      // eslint-disable-next-line szpm/no-raw-scoped-access -- the account the caller has admitted; re-read in the transaction so two pulls at once do not both append
      const current = await manager.getRepository(CommonFundAccount).findOneOrFail({ where: { id: account.id }, lock: this.lockMode() });
      const outcome = answer.ok
        ? replayFeed({ lastSeq: current.lastSeq, balance: current.balance }, answer.transactions)
        : { accepted: [], balance: current.balance, lastSeq: current.lastSeq, issue: { kind: CommonFundFeedIssueKind.MALFORMED, detail: answer.detail, expectedSeq: current.lastSeq + 1, receivedSeq: null } };
      if (outcome.accepted.length) {
        await manager.getRepository(CommonFundTransactionRow).insert(
          outcome.accepted.map((t) => ({ accountId: current.id, seq: t.seq, transTime: new Date(t.time), direction: t.direction, amount: t.amount, balance: t.balance, summary: t.summary })),
        );
      }
      const issues = manager.getRepository(CommonFundFeedIssueRow);
      let issue: CommonFundFeedIssueRow | null = null;
      if (outcome.issue) {
        issue = await issues.save({ accountId: current.id, ...outcome.issue, detectedAt: new Date(), resolvedAt: null });
      } else {
        await issues.update({ accountId: current.id, resolvedAt: IsNull() }, { resolvedAt: new Date() });
      }
      const last = outcome.accepted[outcome.accepted.length - 1];
      const now = new Date();
      // eslint-disable-next-line szpm/no-raw-scoped-access -- the account locked above
      await manager.getRepository(CommonFundAccount).update(
        { id: current.id },
        {
          balance: outcome.balance,
          lastSeq: outcome.lastSeq,
          feedAbnormal: outcome.issue !== null,
          lastPulledAt: now,
          // the bank answered with a feed (even one with a gap): it is not silent
          ...(answer.ok ? { feedSeenAt: now } : {}),
          ...(last ? { lastTransactionAt: new Date(last.time) } : {}),
        },
      );
      return { accepted: outcome.accepted.length, balance: outcome.balance, issue: issue ? toFeedIssue(issue) : null };
    });
  }

  /** GET /api/property-areas/:id/common-funds: the accounts, the latest transactions and the escalation timeline. */
  async areaTab(actor: Actor, areaId: number): Promise<AreaCommonFunds> {
    const area = await this.areas.readableArea(actor, areaId, ModuleKey.COMMON_FUNDS);
    // eslint-disable-next-line szpm/no-raw-scoped-access -- the accounts of an area readableArea() has just admitted the actor to
    const qb = joinAccountContext(this.dataSource.getRepository(CommonFundAccount).createQueryBuilder('x')).where('x.propertyAreaId = :areaId', { areaId });
    const accounts = (await selectAccountColumns(qb).orderBy('x.id', 'ASC').getRawMany<Record<string, unknown>>()).map(toAccountItem);
    const byId = new Map(accounts.map((a) => [a.id, a]));
    const latest = accounts.length
      ? await this.dataSource.getRepository(CommonFundTransactionRow).find({ where: { accountId: In([...byId.keys()]) }, order: { transTime: 'DESC', id: 'DESC' }, take: LATEST_TRANSACTIONS })
      : [];
    // eslint-disable-next-line szpm/no-raw-scoped-access -- the profile and committee of an area readableArea() has just admitted the actor to
    const facts = await this.dataSource
      .getRepository(PropertyArea)
      .createQueryBuilder('a')
      .leftJoin(PropertyAreaProfile, 'pp', 'pp.propertyAreaId = a.id')
      .leftJoin(OwnersCommittee, 'ocm', 'ocm.id = a.ownersCommitteeId')
      .select(['a.otherCityProject AS otherCityProject', 'a.selfManaged AS selfManaged', 'a.companyId AS companyId', 'a.ownersCommitteeId AS ownersCommitteeId', 'pp.areaType AS areaType', 'pp.contractStart AS contractStart', 'ocm.termStart AS committeeTermStart'])
      .where('a.id = :areaId', { areaId })
      .getRawOne<Record<string, unknown>>();
    const issues = accounts.length ? await this.dataSource.getRepository(CommonFundFeedIssueRow).find({ where: { accountId: In([...byId.keys()]), resolvedAt: IsNull() }, order: { id: 'ASC' } }) : [];
    const ownType = actor.unitId !== null ? (COUNTERPART_ACCOUNT_TYPE[actor.unitCategory ?? ''] ?? null) : null;
    return {
      propertyAreaId: area.id,
      shouldOpen: shouldOpenAccount(areaFacts(facts ?? {}), { areaTypes: this.config.commonFunds.areaTypes }),
      accounts: accounts.map((a) => ({ ...a, feedIssues: issues.filter((i) => i.accountId === a.id).map(toFeedIssue) })),
      ownAccountType: ownType,
      latestTransactions: latest.map((t) => ({ ...toTransaction(t), accountId: t.accountId, accountNo: byId.get(t.accountId)!.accountNo })),
      cases: await this.cases.ofArea(area.id, area.name),
    };
  }

  private async account(actor: Actor, id: number, manager?: EntityManager): Promise<CommonFundAccount> {
    try {
      return await this.accounts(actor, manager).findById(id);
    } catch (error) {
      if (error instanceof AppException && error.code === CommonErrorCode.NOT_FOUND) throw new CommonFundException(CommonFundErrorCode.ACCOUNT_NOT_FOUND);
      throw error;
    }
  }

  private async filtered(actor: Actor, query: CommonFundAccountExportQueryDto & { propertyAreaId?: number }): Promise<SelectQueryBuilder<ObjectLiteral>> {
    const filter = await this.scope.regionFilter(actor, query);
    const qb: SelectQueryBuilder<ObjectLiteral> = joinAccountArea(this.accounts(actor).query('x'));
    if (filter.districtId !== null) qb.andWhere('x.districtId = :fd', { fd: filter.districtId });
    if (filter.streetId !== null) qb.andWhere('x.streetId = :fs', { fs: filter.streetId });
    if (filter.communityId !== null) qb.andWhere('x.communityId = :fc', { fc: filter.communityId });
    if (query.bankId !== undefined) qb.andWhere('x.bankId = :bankId', { bankId: query.bankId });
    if (query.accountType) qb.andWhere('x.accountType = :accountType', { accountType: query.accountType });
    if (query.status) qb.andWhere('x.status = :status', { status: query.status });
    if (query.propertyAreaId !== undefined) qb.andWhere('x.propertyAreaId = :pid', { pid: query.propertyAreaId });
    if (query.search) qb.andWhere('(INSTR(a.name, :search) > 0 OR INSTR(x.accountNo, :search) > 0 OR INSTR(x.accountName, :search) > 0)', { search: query.search });
    return qb;
  }

  /** SQLite serialises writers itself; MariaDB locks the account row. */
  private lockMode(): { mode: 'pessimistic_write' } | undefined {
    return this.config.database.kind === 'mysql' ? { mode: 'pessimistic_write' } : undefined;
  }
}

