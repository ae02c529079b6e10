import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { NotificationsModule } from '../notifications/notifications.module';
import { RegionsModule } from '../regions/regions.module';
import { WorkflowModule } from '../workflow/workflow.module';
import { DisputeCategoriesSeed } from './dispute-categories.seed';
import { DisputeDeadlines } from './dispute-deadlines.service';
import { DisputeDuplicatesService } from './dispute-duplicates.service';
import { DisputeForm } from './dispute.form';
import { DisputesController } from './disputes.controller';
import { DisputeReportsController } from './dispute-reports.controller';
import { DisputeExportService } from './dispute-export.service';
import { DisputeImportService } from './dispute-import.service';
import { DisputeStatisticsService } from './dispute-statistics.service';
import { DisputesService } from './disputes.service';
import { DISPUTE_ENTITIES } from './entities';

/**
 * Chapter 22, 纠纷化解台账: 矛盾纠纷件 on the workflow engine (录入, 转办 to the street office,
 * 处理, 审核, 修改, 历程), their ledger rows, the duplicate warning, deadline reminders, the ledgers.
 */
@Module({
  imports: [TypeOrmModule.forFeature(DISPUTE_ENTITIES), RegionsModule, NotificationsModule, WorkflowModule],
  // the fixed paths (statistics, export) before DisputesController's :id
  controllers: [DisputeReportsController, DisputesController],
  providers: [DisputeStatisticsService, DisputeExportService, DisputeImportService, DisputeForm, DisputeDeadlines, DisputesService, DisputeDuplicatesService, DisputeCategoriesSeed],
  exports: [DisputesService],
})
export class DisputesModule {}
