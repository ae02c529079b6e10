import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { RegionsModule } from '../../regions/regions.module';
import { Attachment } from '../../workflow/attachments/attachment.entity';
import { WorkflowModule } from '../../workflow/workflow.module';
import { AreaFacilitiesController } from './area-facilities.controller';
import { FACILITY_ENTITIES } from './entities';
import { FacilitiesController } from './facilities.controller';
import { FacilitiesService } from './facilities.service';
import { FacilitySheetService } from './facility-sheet.service';
import { FacilityTypesController } from './facility-types.controller';
import { FacilityTypesService } from './facility-types.service';

/**
 * 设施设备信息 (chapter 5 detail tab 4): the facility-type catalogue, each area's facility ledger
 * with maintenance records and statistics, 到期提醒, and the ledger as an xlsx sheet.
 */
@Module({
  imports: [TypeOrmModule.forFeature([...FACILITY_ENTITIES, Attachment]), RegionsModule, WorkflowModule],
  controllers: [FacilityTypesController, AreaFacilitiesController, FacilitiesController],
  providers: [FacilityTypesService, FacilitiesService, FacilitySheetService],
  exports: [FacilitiesService],
})
export class FacilitiesModule {}
