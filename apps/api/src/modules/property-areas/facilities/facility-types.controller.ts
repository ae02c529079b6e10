import { applyDecorators, Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { FacilityTypeNode, GrantAction, ModuleKey, Role } from '@szpm/contract';
import { Audited, RequireGrant, RequireRoles } from '../../../access/access.decorators';
import { ParseIdPipe } from '../../../common/http/parse-id.pipe';
import { CreateFacilityTypeDto, FacilityTypeQueryDto, UpdateFacilityTypeDto } from './dto/facility.dto';
import { FacilityTypesService } from './facility-types.service';

/** Admin-only writes: a city admin holding the module's operate grant. */
const Maintain = () => applyDecorators(RequireRoles(Role.CITY_ADMIN), RequireGrant(ModuleKey.PROPERTY_AREAS, GrantAction.OPERATE));

@ApiTags('property-areas (第5章 项目管理) — 设施设备类型')
@ApiBearerAuth()
@Controller()
export class FacilityTypesController {
  constructor(private readonly types: FacilityTypesService) {}

  @Get('facility-types')
  @RequireGrant(ModuleKey.PROPERTY_AREAS, GrantAction.VIEW)
  @ApiOperation({ summary: '设施设备类型目录（树）' })
  tree(@Query() query: FacilityTypeQueryDto): Promise<FacilityTypeNode[]> {
    return this.types.tree(query.includeDisabled ?? false);
  }

  @Post('admin/facility-types')
  @Maintain()
  @Audited('property-areas.facility-types.create', 'facility_type')
  @ApiOperation({ summary: '新增设施设备类型（市局管理员；最多三级）' })
  create(@Body() body: CreateFacilityTypeDto): Promise<FacilityTypeNode> {
    return this.types.create(body);
  }

  @Patch('admin/facility-types/:id')
  @Maintain()
  @Audited('property-areas.facility-types.update', 'facility_type')
  @ApiOperation({ summary: '修改设施设备类型：名称、编码、上级、排序、是否特种设备、启用 / 停用（市局管理员）' })
  update(@Param('id', ParseIdPipe) id: number, @Body() body: UpdateFacilityTypeDto): Promise<FacilityTypeNode> {
    return this.types.update(id, body);
  }
}
