import { Body, Controller, Get, Param, ParseEnumPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CreditInfoItem, CreditSubjectDetail, CreditSubjectListItem, CreditSubjectType, GrantAction, ModuleKey, Page } from '@szpm/contract';
import { Audited, CurrentActor, RequireGrant } from '../../access/access.decorators';
import { Actor } from '../../access/actor';
import { AppException } from '../../common/errors/app.exception';
import { ParseIdPipe } from '../../common/http/parse-id.pipe';
import { CreditService } from './credit.service';
import { CreateCreditRecordDto, CreditSubjectQueryDto } from './dto/credit.dto';

const subjectTypePipe = new ParseEnumPipe(CreditSubjectType, {
  exceptionFactory: () => AppException.invalidField('subjectType', `subjectType必须是 ${Object.values(CreditSubjectType).join(' / ')} 之一`),
});

@ApiTags('credit (第8章 信用信息)')
@ApiBearerAuth()
@Controller('credit')
export class CreditController {
  constructor(private readonly credit: CreditService) {}

  @Get('subjects')
  @RequireGrant(ModuleKey.CREDIT, GrantAction.VIEW)
  @ApiOperation({ summary: '按名称查找物业企业、项目负责人、业委会主任、业主、业委会执行秘书、业主监事，含良好 / 不良信息条数' })
  search(@CurrentActor() actor: Actor, @Query() query: CreditSubjectQueryDto): Promise<Page<CreditSubjectListItem>> {
    return this.credit.search(actor, query);
  }

  @Get('subjects/:subjectType/:subjectId')
  @RequireGrant(ModuleKey.CREDIT, GrantAction.VIEW)
  @ApiOperation({ summary: '信用信息详情：基本信息、良好信息、不良信息（企业和项目负责人含物业服务评价的记录）' })
  detail(
    @CurrentActor() actor: Actor,
    @Param('subjectType', subjectTypePipe) subjectType: CreditSubjectType,
    @Param('subjectId', ParseIdPipe) subjectId: number,
  ): Promise<CreditSubjectDetail> {
    return this.credit.detail(actor, subjectType, subjectId);
  }

  @Post('records')
  @RequireGrant(ModuleKey.CREDIT, GrantAction.OPERATE)
  @Audited('credit.records.register', 'credit_record')
  @ApiOperation({ summary: '诚信登记：登记一条良好或不良信息（法院判决、其他部门处罚、表彰等）' })
  register(@CurrentActor() actor: Actor, @Body() body: CreateCreditRecordDto): Promise<CreditInfoItem> {
    return this.credit.register(actor, body);
  }
}
