import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  BuildingNode,
  GrantAction,
  HouseItem,
  ModuleKey,
  Page,
  PropertyAreaDetail,
  PropertyAreaListItem,
  Role,
  UnitNode,
} from '@szpm/contract';
import { CurrentActor, RequireGrant, RequireRoles } from '../../../access/access.decorators';
import { Actor } from '../../../access/actor';
import { ParseIdPipe } from '../../../common/http/parse-id.pipe';
import { AreaListQueryDto, HouseQueryDto } from '../dto/area-query.dto';
import { PropertyAreasService } from './property-areas.service';

/**
 * 物业区域管理: the list with its four search keys, the counterpart's own areas, the detail and its
 * tabs. The detail routes admit officers with the module's view grant (through the scoped door) and
 * counterpart accounts for their own areas; the service decides which.
 */
@ApiTags('property-areas (第5章 项目管理)')
@ApiBearerAuth()
@Controller('property-areas')
export class PropertyAreasController {
  constructor(private readonly areas: PropertyAreasService) {}

  @Get()
  @RequireGrant(ModuleKey.PROPERTY_AREAS, GrantAction.VIEW)
  @ApiOperation({ summary: '物业区域列表：按物业区域名称、坐标图层（已标注 / 未标注、图层、地图范围）、物业服务企业、开发建设单位查询，可组合，分页排序' })
  list(@CurrentActor() actor: Actor, @Query() query: AreaListQueryDto): Promise<Page<PropertyAreaListItem>> {
    return this.areas.list(actor, query);
  }

  @Get('mine')
  @RequireRoles(Role.PROJECT_MANAGER, Role.PROPERTY_COMPANY, Role.OWNERS_COMMITTEE)
  @ApiOperation({ summary: '本单位的物业区域（项目负责人、物业服务企业、业主委员会账号）' })
  mine(@CurrentActor() actor: Actor): Promise<PropertyAreaListItem[]> {
    return this.areas.mine(actor);
  }

  @Get(':id')
  @ApiOperation({ summary: '物业区域详情：基本信息、物业区域信息（扩展字段）与六个标签页及其是否可用' })
  detail(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe) id: number): Promise<PropertyAreaDetail> {
    return this.areas.detail(actor, id);
  }

  @Get(':id/buildings')
  @ApiOperation({ summary: '房屋信息第一层：楼栋，含单元数、户数、建筑面积' })
  buildings(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe) id: number): Promise<BuildingNode[]> {
    return this.areas.buildings(actor, id);
  }

  @Get(':id/buildings/:buildingId/units')
  @ApiOperation({ summary: '房屋信息第二层：某楼栋的单元，含户数、建筑面积' })
  units(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe) id: number, @Param('buildingId', ParseIdPipe) buildingId: number): Promise<UnitNode[]> {
    return this.areas.units(actor, id, buildingId);
  }

  @Get(':id/houses')
  @ApiOperation({ summary: '房屋信息第三层：房屋（可按楼栋、单元），分页' })
  houses(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe) id: number, @Query() query: HouseQueryDto): Promise<Page<HouseItem>> {
    return this.areas.houses(actor, id, query);
  }
}
