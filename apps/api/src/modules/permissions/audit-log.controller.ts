import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuditLogPage, GrantAction, ModuleKey, Role } from '@szpm/contract';
import { RequireGrant, RequireRoles } from '../../access/access.decorators';
import { AuditLogService } from './audit-log.service';
import { AuditLogQueryDto } from './dto/audit-log-query.dto';

@ApiTags('admin (审计日志)')
@ApiBearerAuth()
@RequireRoles(Role.CITY_ADMIN)
@RequireGrant(ModuleKey.PERMISSIONS, GrantAction.OPERATE)
@Controller('admin/audit-logs')
export class AuditLogController {
  constructor(private readonly auditLogs: AuditLogService) {}

  @Get()
  @ApiOperation({ summary: '审计日志（市局管理员）：按操作人、操作、对象、结果、日期查询，最新在前；不指定日期为最近90天' })
  list(@Query() query: AuditLogQueryDto): Promise<AuditLogPage> {
    return this.auditLogs.list(query);
  }
}
