import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { GrantAction, ModuleKey, Page, SafetyAreaCandidate } from '@szpm/contract';
import { CurrentActor, RequireGrant } from '../../../access/access.decorators';
import { Actor } from '../../../access/actor';
import { AreaCandidateQueryDto } from '../dto/inspection.dto';
import { AreaCandidatesService } from './area-candidates.service';

/** The areas 发起安全检查 may name (propertyAreaIds): a fixed path, registered before InspectionsController's :id. */
@ApiTags('safety-inspections (第16章 安全检查)')
@ApiBearerAuth()
@Controller('safety-inspections/area-candidates')
export class AreaCandidatesController {
  constructor(private readonly candidates: AreaCandidatesService) {}

  @Get()
  @RequireGrant(ModuleKey.SAFETY_INSPECTIONS, GrantAction.OPERATE)
  @ApiOperation({ summary: '发起安全检查可选的物业项目：本区（市局：所选行政区）的物业项目，可按街道、社区、名称或编号筛选' })
  list(@CurrentActor() actor: Actor, @Query() query: AreaCandidateQueryDto): Promise<Page<SafetyAreaCandidate>> {
    return this.candidates.list(actor, query);
  }
}
