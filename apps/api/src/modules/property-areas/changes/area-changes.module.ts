import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { RegionsModule } from '../../regions/regions.module';
import { AreaChangeForm } from './area-change.form';
import { AreaCaseIndex } from './area-case-index';
import { AreaCasesService } from './area-cases.service';
import { AreaChangesController, AreaFieldRulesAdminController } from './area-changes.controller';
import { AreaRecords } from './area-records';
import { CounterpartForms } from './counterpart-forms';
import { AREA_CHANGE_ENTITIES } from './entities';
import { FieldRulesService } from './field-rules.service';

/**
 * 编辑 / 审批列表 / 查看申请记录 (chapter 5): the field catalogue, the change requests the city bureau
 * approves (PROPERTY_AREA_CHANGE) and the counterpart's applications the district reviews
 * (PROJECT_REGISTRATION, PROJECT_MANAGER_CHANGE), all on the workflow engine.
 */
@Module({
  imports: [TypeOrmModule.forFeature(AREA_CHANGE_ENTITIES), RegionsModule],
  controllers: [AreaChangesController, AreaFieldRulesAdminController],
  providers: [FieldRulesService, AreaRecords, AreaCaseIndex, AreaChangeForm, CounterpartForms, AreaCasesService],
})
export class AreaChangesModule {}
