import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Account } from '../../access/entities/account.entity';
import { NotificationsModule } from '../notifications/notifications.module';
import { RegionsModule } from '../regions/regions.module';
import { Attachment } from '../workflow/attachments/attachment.entity';
import { WorkflowModule } from '../workflow/workflow.module';
import { SAFETY_INSPECTION_ENTITIES } from './entities';
import { AreaCandidatesController } from './inspections/area-candidates.controller';
import { AreaCandidatesService } from './inspections/area-candidates.service';
import { InspectionsController } from './inspections/inspections.controller';
import { InspectionsService } from './inspections/inspections.service';
import { LedgerService } from './inspections/ledger.service';
import { SafetyStatisticsController } from './inspections/safety-statistics.controller';
import { SafetyStatisticsService } from './inspections/safety-statistics.service';
import { TargetFormsService } from './results/target-forms.service';
import { TasksController } from './results/tasks.controller';
import { TasksService } from './results/tasks.service';
import { TemplatesController } from './templates/templates.controller';
import { TemplatesService } from './templates/templates.service';

/**
 * Chapter 16, 安全检查: the rule library, launching inspections to property areas, the project
 * managers' results, completion and facility statistics, 催办 and the overall ledger.
 */
@Module({
  imports: [TypeOrmModule.forFeature([...SAFETY_INSPECTION_ENTITIES, Account, Attachment]), NotificationsModule, RegionsModule, WorkflowModule],
  // the fixed paths (templates, my-tasks, statistics, area-candidates) before InspectionsController's :id
  controllers: [TemplatesController, TasksController, SafetyStatisticsController, AreaCandidatesController, InspectionsController],
  providers: [TemplatesService, TargetFormsService, TasksService, InspectionsService, LedgerService, SafetyStatisticsService, AreaCandidatesService],
})
export class SafetyInspectionsModule {}
