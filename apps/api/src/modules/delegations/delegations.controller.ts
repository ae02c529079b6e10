import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DelegateCandidate, DelegatedModule, DelegationView, Page } from '@szpm/contract';
import { Audited, CurrentActor, RequireRoles } from '../../access/access.decorators';
import { Actor } from '../../access/actor';
import { ParseIdPipe } from '../../common/http/parse-id.pipe';
import { DELEGATING_ROLES } from './delegation-rules';
import { DelegationsService } from './delegations.service';
import { CreateDelegationDto, DelegationQueryDto } from './dto/delegation.dto';

/**
 * 代办委托. While a delegation is in effect the delegate sends `X-On-Behalf-Of: <delegatorId>` with
 * any request and acts as the delegator within the delegated modules (sees and handles the
 * delegator's 待办); every action is recorded as "delegate on behalf of delegator".
 */
@ApiTags('delegations (代办委托)')
@ApiBearerAuth()
@Controller('delegations')
export class DelegationsController {
  constructor(private readonly delegations: DelegationsService) {}

  @Get('candidates')
  @RequireRoles(...DELEGATING_ROLES)
  @ApiOperation({ summary: '可委托的同事：本区住建局在职的其他工作人员' })
  candidates(@CurrentActor() actor: Actor): Promise<DelegateCandidate[]> {
    return this.delegations.candidates(actor);
  }

  @Get('modules')
  @RequireRoles(...DELEGATING_ROLES)
  @ApiOperation({ summary: '可委托的模块：本人拥有权限的模块（待办事项随每个委托一并委托）' })
  modules(@CurrentActor() actor: Actor): DelegatedModule[] {
    return this.delegations.delegableModules(actor);
  }

  @Post()
  @RequireRoles(...DELEGATING_ROLES)
  @Audited('delegations.create', 'delegation')
  @ApiOperation({ summary: '发起委托：把本人的全部或部分模块权限在一段时间内委托给本区同事；同一权限的委托期限不能重叠，受托的权限不能转委托' })
  create(@CurrentActor() actor: Actor, @Body() body: CreateDelegationDto): Promise<DelegationView> {
    return this.delegations.create(actor, body);
  }

  @Get('given')
  @RequireRoles(...DELEGATING_ROLES)
  @ApiOperation({ summary: '我发起的委托，含状态（未开始 / 委托中 / 已终止 / 已到期）' })
  given(@CurrentActor() actor: Actor, @Query() query: DelegationQueryDto): Promise<Page<DelegationView>> {
    return this.delegations.given(actor, query);
  }

  @Get('received')
  @RequireRoles(...DELEGATING_ROLES)
  @ApiOperation({ summary: '委托给我的，含状态；委托中的可带 X-On-Behalf-Of 代办' })
  received(@CurrentActor() actor: Actor, @Query() query: DelegationQueryDto): Promise<Page<DelegationView>> {
    return this.delegations.received(actor, query);
  }

  @Get(':id')
  @RequireRoles(...DELEGATING_ROLES)
  @ApiOperation({ summary: '委托详情（委托人和受托人可见）' })
  detail(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe) id: number): Promise<DelegationView> {
    return this.delegations.detail(actor, id);
  }

  @Post(':id/terminate')
  @HttpCode(200)
  @RequireRoles(...DELEGATING_ROLES)
  @Audited('delegations.terminate', 'delegation')
  @ApiOperation({ summary: '终止：委托人在期限中提前结束委托（未开始的委托也可终止）' })
  terminate(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe) id: number): Promise<DelegationView> {
    return this.delegations.terminate(actor, id);
  }
}
