import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { NotificationsModule } from '../notifications/notifications.module';
import { AreaRegistryModule } from '../property-areas/areas/area-registry.module';
import { RegionsModule } from '../regions/regions.module';
import { AreaPractitionersController } from './area-practitioners.controller';
import { PRACTITIONER_ENTITIES } from './entities';
import { PractitionerRemindersService } from './practitioner-reminders.service';
import { PractitionerSheetService } from './practitioner-sheet.service';
import { PractitionerStatisticsService } from './practitioner-statistics.service';
import { PractitionersController } from './practitioners.controller';
import { PractitionersService } from './practitioners.service';

/**
 * 从业人员信息 (chapter 12): project and company staff with certificates, the project manager's
 * roster (mini-program and xlsx), the drill-down statistics, the company table, 导出 and 提醒更新.
 */
@Module({
  imports: [TypeOrmModule.forFeature(PRACTITIONER_ENTITIES), RegionsModule, NotificationsModule, AreaRegistryModule],
  controllers: [AreaPractitionersController, PractitionersController],
  providers: [PractitionersService, PractitionerStatisticsService, PractitionerSheetService, PractitionerRemindersService],
})
export class PractitionersModule {}
