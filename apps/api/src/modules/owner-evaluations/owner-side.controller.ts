import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { OwnerEvaluationForm, OwnerEvaluationView, Page } from '@szpm/contract';
import { Audited } from '../../access/access.decorators';
import { PageQueryDto } from '../../common/http/pagination.dto';
import { CurrentOwner, OwnerEndpoint, OwnerPrincipal } from '../owners/owner-session';
import { OwnerEvaluationFormQueryDto, SubmitOwnerEvaluationDto } from './dto/owner-evaluation.dto';
import { OwnerEvaluationsService } from './owner-evaluations.service';

@ApiTags('owner (业主端：业主评价)')
@Controller('owner/evaluations')
export class OwnerSideEvaluationsController {
  constructor(private readonly evaluations: OwnerEvaluationsService) {}

  @OwnerEndpoint()
  @Get('form')
  @ApiOperation({ summary: '评价表：评价项、不满意原因目录，以及该房屋本月是否已评价' })
  form(@CurrentOwner() owner: OwnerPrincipal, @Query() query: OwnerEvaluationFormQueryDto): Promise<OwnerEvaluationForm> {
    return this.evaluations.form(owner.identityId, query.houseId, query.target);
  }

  @OwnerEndpoint()
  @Post()
  @Audited('owner-evaluations.submit', 'owner-evaluation')
  @ApiOperation({ summary: '提交业主评价：每户每月一次，逐项1至5星，三星及以下须选不满意原因或填写其他，可对物业服务企业匿名' })
  submit(@CurrentOwner() owner: OwnerPrincipal, @Body() body: SubmitOwnerEvaluationDto): Promise<OwnerEvaluationView> {
    return this.evaluations.submit(owner.identityId, body);
  }

  @OwnerEndpoint()
  @Get()
  @ApiOperation({ summary: '我的评价（含物业回复）' })
  mine(@CurrentOwner() owner: OwnerPrincipal, @Query() query: PageQueryDto): Promise<Page<OwnerEvaluationView>> {
    return this.evaluations.mine(owner.identityId, query);
  }
}
