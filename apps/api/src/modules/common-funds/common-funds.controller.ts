import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post, Query, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import {
  AreaCommonFunds,
  CommonFundAccountDetail,
  CommonFundAccountItem,
  CommonFundAccountStatus,
  CommonFundBankStats,
  CommonFundCase,
  CommonFundCellItem,
  CommonFundStats,
  CommonFundSyncResult,
  CommonFundTransaction,
  GrantAction,
  ModuleKey,
  Page,
  Role,
  SharedBank,
  UrgeResult,
} from '@szpm/contract';
import { Audited, CurrentActor, RequireGrant, RequireRoles } from '../../access/access.decorators';
import { Actor } from '../../access/actor';
import { XLSX_CONTENT_TYPE } from '../../common/excel/xlsx-export';
import { ParseIdPipe } from '../../common/http/parse-id.pipe';
import { CommonFundCasesService } from './common-fund-cases.service';
import { CommonFundStatisticsService } from './common-fund-statistics.service';
import { CommonFundsService } from './common-funds.service';
import {
  CommonFundAccountExportQueryDto,
  CommonFundAccountQueryDto,
  CommonFundCaseQueryDto,
  CommonFundCellExportQueryDto,
  CommonFundCellQueryDto,
  CommonFundRegionQueryDto,
  CommonFundUrgeDto,
  PenaltyDto,
  RectifyOrderDto,
  RegisterCommonFundAccountDto,
  RegisterOwnCommonFundAccountDto,
  TransactionQueryDto,
} from './dto/common-fund.dto';

const View = () => RequireGrant(ModuleKey.COMMON_FUNDS, GrantAction.VIEW);
const Operate = () => RequireGrant(ModuleKey.COMMON_FUNDS, GrantAction.OPERATE);

/** 共有资金 (第11章): statistics with drill-down, the lists behind every number, 共享银行统计, accounts, escalation and 催办. */
@ApiTags('common-funds (第11章 共有资金)')
@ApiBearerAuth()
@Controller('common-funds')
export class CommonFundsController {
  constructor(
    private readonly funds: CommonFundsService,
    private readonly stats: CommonFundStatisticsService,
    private readonly cases: CommonFundCasesService,
  ) {}

  @Get('statistics')
  @View()
  @ApiOperation({ summary: '共有资金账户统计：物业项目总数、应开 / 已开 / 未开、开户率、基本 / 共管 / 异常账户数、逾期未开户责令整改数 / 行政处罚数；按行政区 → 街道 → 社区 → 物业项目下钻，可按物业项目名称搜索' })
  statistics(@CurrentActor() actor: Actor, @Query() query: CommonFundRegionQueryDto): Promise<CommonFundStats> {
    return this.stats.statistics(actor, query);
  }

  @Get('statistics/cells')
  @View()
  @ApiOperation({ summary: '点开数字：统计表中某一格背后的物业项目，含账户与项目经理 / 业委会主任，分页' })
  cells(@CurrentActor() actor: Actor, @Query() query: CommonFundCellQueryDto): Promise<Page<CommonFundCellItem>> {
    return this.stats.cells(actor, query);
  }

  @Get('statistics/export')
  @View()
  @ApiProduces(XLSX_CONTENT_TYPE)
  @ApiOperation({ summary: '导出共有资金账户统计（xlsx）：与页面同一筛选，含合计行' })
  exportStatistics(@CurrentActor() actor: Actor, @Query() query: CommonFundRegionQueryDto): Promise<StreamableFile> {
    return this.stats.export(actor, query);
  }

  @Get('statistics/cells/export')
  @View()
  @ApiProduces(XLSX_CONTENT_TYPE)
  @ApiOperation({ summary: '导出某一格背后的物业项目清单（xlsx）' })
  exportCells(@CurrentActor() actor: Actor, @Query() query: CommonFundCellExportQueryDto): Promise<StreamableFile> {
    return this.stats.exportCells(actor, query);
  }

  @Get('banks')
  @View()
  @ApiOperation({ summary: '共享银行名录：可开设共有资金账户的银行' })
  banks(): Promise<SharedBank[]> {
    return this.funds.banks();
  }

  @Get('bank-statistics')
  @View()
  @ApiOperation({ summary: '共享银行统计：各银行的基本 / 共管账户数、物业项目数与占比（点开银行见其账户：accounts?bankId=）' })
  bankStatistics(@CurrentActor() actor: Actor, @Query() query: CommonFundRegionQueryDto): Promise<CommonFundBankStats> {
    return this.stats.banks(actor, query);
  }

  @Get('bank-statistics/export')
  @View()
  @ApiProduces(XLSX_CONTENT_TYPE)
  @ApiOperation({ summary: '导出共享银行统计（xlsx）' })
  exportBankStatistics(@CurrentActor() actor: Actor, @Query() query: CommonFundRegionQueryDto): Promise<StreamableFile> {
    return this.stats.exportBanks(actor, query);
  }

  @Get('accounts')
  @View()
  @ApiOperation({ summary: '共有资金账户列表：按区域、开户行、账户类型、状态筛选，按物业项目 / 账户号码 / 户名搜索，分页' })
  accounts(@CurrentActor() actor: Actor, @Query() query: CommonFundAccountQueryDto): Promise<Page<CommonFundAccountItem>> {
    return this.funds.list(actor, query);
  }

  @Get('accounts/export')
  @View()
  @ApiProduces(XLSX_CONTENT_TYPE)
  @ApiOperation({ summary: '导出共有资金账户列表（xlsx）：与列表同一筛选' })
  exportAccounts(@CurrentActor() actor: Actor, @Query() query: CommonFundAccountExportQueryDto): Promise<StreamableFile> {
    return this.funds.export(actor, query);
  }

  @Get('accounts/:id')
  @View()
  @ApiOperation({ summary: '共有资金账户详情，含未解决的流水异常' })
  account(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe) id: number): Promise<CommonFundAccountDetail> {
    return this.funds.detail(actor, id);
  }

  @Get('accounts/:id/transactions')
  @View()
  @ApiOperation({ summary: '账户流水（新的在前）：交易时间、借 / 贷、金额、余额、摘要' })
  transactions(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe) id: number, @Query() query: TransactionQueryDto): Promise<Page<CommonFundTransaction>> {
    return this.funds.transactions(actor, id, query);
  }

  @Post('accounts')
  @Operate()
  @Audited('common-funds.accounts.register', 'common-fund-account')
  @ApiOperation({ summary: '登记共有资金账户：开户行须为共享银行，账户号码10至30位数字且在该行未登记；开设正常账户即结案该项目的逾期未开户督办' })
  register(@CurrentActor() actor: Actor, @Body() body: RegisterCommonFundAccountDto): Promise<CommonFundAccountDetail> {
    return this.funds.register(actor, body);
  }

  @Post('accounts/:id/disable')
  @HttpCode(HttpStatus.OK)
  @Operate()
  @Audited('common-funds.accounts.disable', 'common-fund-account')
  @ApiOperation({ summary: '禁用账户（计为异常账户）' })
  disable(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe) id: number): Promise<CommonFundAccountDetail> {
    return this.funds.setStatus(actor, id, CommonFundAccountStatus.DISABLED);
  }

  @Post('accounts/:id/enable')
  @HttpCode(HttpStatus.OK)
  @Operate()
  @Audited('common-funds.accounts.enable', 'common-fund-account')
  @ApiOperation({ summary: '启用账户（恢复正常；结案该项目的逾期未开户督办）' })
  enable(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe) id: number): Promise<CommonFundAccountDetail> {
    return this.funds.setStatus(actor, id, CommonFundAccountStatus.NORMAL);
  }

  @Post('accounts/:id/sync')
  @HttpCode(HttpStatus.OK)
  @Operate()
  @Audited('common-funds.accounts.sync', 'common-fund-account')
  @ApiOperation({ summary: '同步银行流水：按流水号连续接收，流水缺失或余额不符记为异常（不接收其后的流水）' })
  sync(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe) id: number): Promise<CommonFundSyncResult> {
    return this.funds.sync(actor, id);
  }

  @Get('cases')
  @View()
  @ApiOperation({ summary: '逾期未开户督办：按阶段、区域筛选，按物业项目名称搜索，含时间线' })
  caseList(@CurrentActor() actor: Actor, @Query() query: CommonFundCaseQueryDto): Promise<Page<CommonFundCase>> {
    return this.cases.list(actor, query);
  }

  @Get('cases/:id')
  @View()
  @ApiOperation({ summary: '逾期未开户督办详情与时间线' })
  caseDetail(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe) id: number): Promise<CommonFundCase> {
    return this.cases.detail(actor, id);
  }

  @Post('cases/:id/rectify-order')
  @HttpCode(HttpStatus.OK)
  @Operate()
  @Audited('common-funds.cases.rectify-order', 'common-fund-case')
  @ApiOperation({ summary: '责令整改：通知书编号、日期、整改期限（默认日期后15天，设置项）；仅限逾期未开户阶段' })
  rectify(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe) id: number, @Body() body: RectifyOrderDto): Promise<CommonFundCase> {
    return this.cases.orderRectification(actor, id, body);
  }

  @Post('cases/:id/penalty')
  @HttpCode(HttpStatus.OK)
  @Operate()
  @Audited('common-funds.cases.penalty', 'common-fund-case')
  @ApiOperation({ summary: '行政处罚：决定书编号、日期、罚款金额（执法人员填写）；仅限整改期满仍未开户' })
  penalty(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe) id: number, @Body() body: PenaltyDto): Promise<CommonFundCase> {
    return this.cases.recordPenalty(actor, id, body);
  }

  @Post('urge')
  @HttpCode(HttpStatus.OK)
  @Operate()
  @Audited('common-funds.urge', 'common-funds')
  @ApiOperation({ summary: '催办：向筛选范围内应开未开户物业项目的项目经理、业委会主任发送催办（24小时内不重复）' })
  urge(@CurrentActor() actor: Actor, @Body() body: CommonFundUrgeDto): Promise<UrgeResult> {
    return this.stats.urge(actor, body);
  }
}

/** 共有资金信息 tab of the area detail: the same door as the other tabs, with this chapter's view grant. */
@ApiTags('common-funds (第11章 共有资金)')
@ApiBearerAuth()
@Controller('property-areas/:id/common-funds')
export class AreaCommonFundsController {
  constructor(private readonly funds: CommonFundsService) {}

  @Get()
  @ApiOperation({ summary: '共有资金信息：物业区域的账户、最近流水与逾期未开户督办时间线（官员需共有资金查看权限，项目负责人等只能看本单位的项目）' })
  tab(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe) id: number): Promise<AreaCommonFunds> {
    return this.funds.areaTab(actor, id);
  }

  @Get('banks')
  @RequireRoles(Role.PROJECT_MANAGER, Role.OWNERS_COMMITTEE)
  @ApiOperation({ summary: '共享银行名录（本项目的项目负责人 / 业主委员会登记账户时选择开户行）' })
  banks(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe) id: number): Promise<SharedBank[]> {
    return this.funds.banksFor(actor, id);
  }

  @Post('accounts')
  @RequireRoles(Role.PROJECT_MANAGER, Role.OWNERS_COMMITTEE)
  @Audited('common-funds.accounts.register', 'common-fund-account')
  @ApiOperation({
    summary:
      '登记本项目的共有资金账户：项目负责人登记共管账户（物业服务企业开设），业主委员会登记基本账户（业主大会开设）；与官员登记同一规则（共享银行、账户号码10至30位数字且未登记、登记人身份与账户类型相符）；只能登记本人负责的项目',
  })
  register(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe) id: number, @Body() body: RegisterOwnCommonFundAccountDto): Promise<CommonFundAccountDetail> {
    return this.funds.registerOwn(actor, id, body);
  }
}
