import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RegionNode } from '@szpm/contract';
import { CurrentActor } from '../../access/access.decorators';
import { Actor } from '../../access/actor';
import { RegionTreeQueryDto } from './dto/region-tree-query.dto';
import { RegionsService } from './regions.service';
import { ParseIdPipe } from '../../common/http/parse-id.pipe';

@ApiTags('regions (行政区域)')
@ApiBearerAuth()
@Controller('regions')
export class RegionsController {
  constructor(private readonly regions: RegionsService) {}

  @Get('tree')
  @ApiOperation({ summary: 'District → street → community tree of the actor’s scope, with property-area counts' })
  tree(@CurrentActor() actor: Actor, @Query() query: RegionTreeQueryDto): Promise<RegionNode[]> {
    return this.regions.tree(actor, query.depth);
  }

  @Get(':id/children')
  @ApiOperation({ summary: 'Direct children of a district or street (drill-down)' })
  children(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe) id: number): Promise<RegionNode[]> {
    return this.regions.children(actor, id);
  }
}
