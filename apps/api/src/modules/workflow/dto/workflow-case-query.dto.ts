import { ApiPropertyOptional } from '@nestjs/swagger';
import { ModuleKey, WorkflowStatus } from '@szpm/contract';
import { IsEnum, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { PageQueryDto } from '../../../common/http/pagination.dto';
import { OptionalIdQuery, TextSearchQuery } from '../../../common/validation/query-decorators';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** 审批事项查询: every form of the caller's district bureau. */
export class WorkflowCaseQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: '业务类型 (GET /api/workflow/form-types)' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  formType?: string;

  @ApiPropertyOptional({ enum: ModuleKey, description: '只列该模块的业务单（如物业服务评价的“审核事项查询”）' })
  @IsOptional()
  @IsEnum(ModuleKey)
  module?: ModuleKey;

  @ApiPropertyOptional({ enum: WorkflowStatus })
  @IsOptional()
  @IsEnum(WorkflowStatus)
  status?: WorkflowStatus;

  @TextSearchQuery('业务单号、标题或评价对象名称（包含）')
  search?: string;

  @ApiPropertyOptional({ description: '发起日期起 YYYY-MM-DD（含，上海时间）' })
  @IsOptional()
  @Matches(DATE)
  createdFrom?: string;

  @ApiPropertyOptional({ description: '发起日期止 YYYY-MM-DD（含，上海时间）' })
  @IsOptional()
  @Matches(DATE)
  createdTo?: string;

  @OptionalIdQuery('市局账号可指定行政区；区局账号只能查看本区')
  districtId?: number;
}
