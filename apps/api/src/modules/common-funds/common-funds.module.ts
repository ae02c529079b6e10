import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { NotificationsModule } from '../notifications/notifications.module';
import { AreaRegistryModule } from '../property-areas/areas/area-registry.module';
import { RegionsModule } from '../regions/regions.module';
import { BankFeed, HttpBankFeed } from './bank-feed';
import { CommonFundCasesService } from './common-fund-cases.service';
import { CommonFundFeedSchedule } from './common-fund-feed-schedule';
import { CommonFundJobsProcessor } from './common-fund-jobs.processor';
import { CommonFundStatisticsService } from './common-fund-statistics.service';
import { AreaCommonFundsController, CommonFundsController } from './common-funds.controller';
import { CommonFundsService } from './common-funds.service';
import { COMMON_FUND_ENTITIES } from './entities';

/**
 * Chapter 11 共有资金: accounts at shared banks and their feed, the statistics, the overdue
 * escalation with its clock, 催办, and the area detail's 共有资金信息 tab.
 */
@Module({
  imports: [TypeOrmModule.forFeature(COMMON_FUND_ENTITIES), RegionsModule, NotificationsModule, AreaRegistryModule],
  controllers: [CommonFundsController, AreaCommonFundsController],
  providers: [CommonFundsService, CommonFundCasesService, CommonFundFeedSchedule, CommonFundStatisticsService, CommonFundJobsProcessor, { provide: BankFeed, useClass: HttpBankFeed }],
  exports: [CommonFundsService, CommonFundFeedSchedule],
})
export class CommonFundsModule {}
