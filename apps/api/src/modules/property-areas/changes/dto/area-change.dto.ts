import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { AreaCaseView, AreaChangeRequest, UpdateAreaFieldRuleRequest, WorkflowStatus } from '@szpm/contract';
import { IsBoolean, IsEnum, IsInt, IsObject, IsOptional, IsString, Matches, MaxLength, Min } from 'class-validator';
import { PageQueryDto } from '../../../../common/http/pagination.dto';
import { OptionalIdQuery, TextSearchQuery } from '../../../../common/validation/query-decorators';

/** POST /api/property-areas/:id/change-requests */
export class AreaChangeRequestDto implements AreaChangeRequest {
  @ApiProperty({ type: 'object', additionalProperties: true, description: '字段 → 新值（null 清空可为空的字段），字段见 GET /api/property-areas/field-rules', example: { name: '新名称', remarks: '备注' } })
  @IsObject()
  changes: Record<string, unknown>;

  @ApiPropertyOptional({ description: '申请说明（市局审核时可见）', maxLength: 500 })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  reason?: string;
}

/**
 * The content of a PROPERTY_AREA_CHANGE case. `before`, `labels` and `areaName` are decided by the
 * server (what a client sends for them is replaced).
 */
export class AreaChangePayload {
  @IsInt()
  @Min(1)
  propertyAreaId: number;

  @IsObject()
  proposed: Record<string, unknown>;

  @IsOptional()
  @IsObject()
  before?: Record<string, unknown>;

  @IsOptional()
  @IsObject()
  labels?: Record<string, string>;

  @IsOptional()
  @IsString()
  @MaxLength(128)
  areaName?: string;

  @IsOptional()
  @IsString()
  @MaxLength(500)
  reason?: string | null;
}

/** PATCH /api/admin/property-areas/field-rules/:field */
export class UpdateAreaFieldRuleDto implements UpdateAreaFieldRuleRequest {
  @ApiPropertyOptional({ description: '可编辑' })
  @IsOptional()
  @IsBoolean()
  editable?: boolean;

  @ApiPropertyOptional({ description: '需市局审核后生效' })
  @IsOptional()
  @IsBoolean()
  requiresCityApproval?: boolean;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** GET /api/property-areas/change-requests: 查看申请记录 (view=submitted) / 审批列表 (view=reviewing). */
export class AreaCaseQueryDto extends PageQueryDto {
  @ApiProperty({ enum: AreaCaseView, description: 'submitted 查看申请记录（本区提交市局审核的修改申请）；reviewing 审批列表（本区审核的项目登记、项目经理变更）' })
  @IsEnum(AreaCaseView)
  view: AreaCaseView;

  @ApiPropertyOptional({ description: 'reviewing: PROJECT_REGISTRATION 或 PROJECT_MANAGER_CHANGE，只列该类' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  formType?: string;

  @ApiPropertyOptional({ enum: WorkflowStatus })
  @IsOptional()
  @IsEnum(WorkflowStatus)
  status?: WorkflowStatus;

  @TextSearchQuery('物业区域名称（包含）', 32)
  search?: string;

  @OptionalIdQuery('市局账号可指定行政区；区局账号只能查看本区')
  districtId?: number;

  @OptionalIdQuery('街道')
  streetId?: number;

  @OptionalIdQuery('社区')
  communityId?: number;

  @OptionalIdQuery('只列该物业区域的申请')
  propertyAreaId?: number;

  @ApiPropertyOptional({ description: '申请日期起 YYYY-MM-DD（含，上海时间）' })
  @IsOptional()
  @Matches(DATE)
  createdFrom?: string;

  @ApiPropertyOptional({ description: '申请日期止 YYYY-MM-DD（含，上海时间）' })
  @IsOptional()
  @Matches(DATE)
  createdTo?: string;
}

/** GET /api/property-areas/applications/mine */
export class MyAreaCaseQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: WorkflowStatus })
  @IsOptional()
  @IsEnum(WorkflowStatus)
  status?: WorkflowStatus;
}
