import { applyDecorators, Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { GrantAction, ModuleKey, NoticeTypeView, Role } from '@szpm/contract';
import { Audited, RequireGrant, RequireRoles } from '../../access/access.decorators';
import { ParseIdPipe } from '../../common/http/parse-id.pipe';
import { CreateNoticeTypeDto, NoticeTypeQueryDto, UpdateNoticeTypeDto } from './dto/notice.dto';
import { NoticeTypesService } from './notice-types.service';

/** The list is the city's: a city admin with the module's operate grant maintains it. */
const Maintain = () => applyDecorators(RequireRoles(Role.CITY_ADMIN), RequireGrant(ModuleKey.NOTICES, GrantAction.OPERATE));

@ApiTags('notices (第15章 通知发布)')
@ApiBearerAuth()
@Controller('notices/types')
export class NoticeTypesController {
  constructor(private readonly types: NoticeTypesService) {}

  @Get()
  @RequireGrant(ModuleKey.NOTICES, GrantAction.VIEW)
  @ApiOperation({ summary: '通知类型' })
  list(@Query() query: NoticeTypeQueryDto): Promise<NoticeTypeView[]> {
    return this.types.list(query);
  }

  @Post()
  @Maintain()
  @Audited('notices.types.create', 'notice_type')
  @ApiOperation({ summary: '新增通知类型（市局管理员）' })
  create(@Body() body: CreateNoticeTypeDto): Promise<NoticeTypeView> {
    return this.types.create(body);
  }

  @Patch(':id')
  @Maintain()
  @Audited('notices.types.update', 'notice_type')
  @ApiOperation({ summary: '修改或停用通知类型（已发布的通知不受影响）' })
  update(@Param('id', ParseIdPipe) id: number, @Body() body: UpdateNoticeTypeDto): Promise<NoticeTypeView> {
    return this.types.update(id, body);
  }
}
