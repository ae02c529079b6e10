import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { PageQueryDto } from '../../../common/http/pagination.dto';
import { IsCalendarDate } from '../../../common/validation/calendar-date.validator';

const trimmed = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() || undefined : value);

/** 审计日志 search: newest first; without from / to the last AUDIT_LOG_DEFAULT_DAYS days. */
export class AuditLogQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: '操作人：账号ID，或姓名、用户名的一部分' })
  @IsOptional()
  @Transform(trimmed)
  @IsString()
  @MaxLength(64)
  actor?: string;

  @ApiPropertyOptional({ description: '操作（包含），如 admin.add-grant' })
  @IsOptional()
  @Transform(trimmed)
  @IsString()
  @MaxLength(128)
  action?: string;

  @ApiPropertyOptional({ description: '对象类型，如 account' })
  @IsOptional()
  @Transform(trimmed)
  @IsString()
  @MaxLength(64)
  targetType?: string;

  @ApiPropertyOptional({ description: '对象ID' })
  @IsOptional()
  @Transform(trimmed)
  @IsString()
  @MaxLength(64)
  targetId?: string;

  @ApiPropertyOptional({ enum: ['succeeded', 'refused', 'failed'], description: 'succeeded: 成功; refused: 被拒绝（401/403）; failed: 失败' })
  @IsOptional()
  @IsIn(['succeeded', 'refused', 'failed'])
  outcome?: 'succeeded' | 'refused' | 'failed';

  @ApiPropertyOptional({ example: '2026-01-01', description: '起始日（含，北京时间）' })
  @IsOptional()
  @IsCalendarDate()
  from?: string;

  @ApiPropertyOptional({ example: '2026-03-31', description: '截止日（含，北京时间）' })
  @IsOptional()
  @IsCalendarDate()
  to?: string;
}
