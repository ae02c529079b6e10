import { ApiPropertyOptional } from '@nestjs/swagger';
import { WorkflowStatus } from '@szpm/contract';
import { Type } from 'class-transformer';
import { IsEnum, IsInt, IsOptional, IsString, Matches, MaxLength, Min } from 'class-validator';
import { PageQueryDto } from '../../../common/http/pagination.dto';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** 审批事项查询: every form of the caller's district bureau. */
export class WorkflowCaseQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: '业务类型 (GET /api/workflow/form-types)' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  formType?: string;

  @ApiPropertyOptional({ enum: WorkflowStatus })
  @IsOptional()
  @IsEnum(WorkflowStatus)
  status?: WorkflowStatus;

  @ApiPropertyOptional({ description: '业务单号、标题或评价对象名称（包含）' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  search?: string;

  @ApiPropertyOptional({ description: '发起日期起 YYYY-MM-DD（含，上海时间）' })
  @IsOptional()
  @Matches(DATE)
  createdFrom?: string;

  @ApiPropertyOptional({ description: '发起日期止 YYYY-MM-DD（含，上海时间）' })
  @IsOptional()
  @Matches(DATE)
  createdTo?: string;

  @ApiPropertyOptional({ description: '市局账号可指定行政区；区局账号只能查看本区' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  districtId?: number;
}
