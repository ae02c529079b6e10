import { ApiProperty, ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import {
  DisputeCounter,
  DisputeDisposal,
  DisputeLedger,
  DisputeOutcome,
  DisputePartyKind,
  DisputeSortKey,
  DisputeSource,
  DisputeUrgency,
  DISPUTE_STATUSES,
  PetitionCategory,
  PetitionForm,
  WorkflowAction,
} from '@szpm/contract';
import type { DisputeStatus } from '@szpm/contract';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsDefined, IsEnum, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { PageQueryDto } from '../../../common/http/pagination.dto';
import { IsCalendarDate } from '../../../common/validation/calendar-date.validator';
import { OptionalBooleanQuery, OptionalIdQuery } from '../../../common/validation/query-decorators';

/** A mobile number or a landline with its area code (0755-12345678). */
export const DISPUTE_PHONE = /^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/;
const PHONE_MESSAGE = (field: string) => `${field}须为手机号码或带区号的固定电话`;
const TEXT_MAX = 1000;
const ATTACHMENTS_MAX = 20;

export class DisputePartyDto {
  @ApiProperty({ enum: DisputePartyKind, description: '当事人类型' })
  @IsEnum(DisputePartyKind)
  kind: DisputePartyKind;

  @ApiProperty({ maxLength: 64, description: '姓名 / 名称' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  name: string;

  @ApiPropertyOptional({ type: String, nullable: true, description: '联系电话' })
  @IsOptional()
  @Matches(DISPUTE_PHONE, { message: PHONE_MESSAGE('phone') })
  phone?: string | null;
}

/** 信访信息 */
export class DisputePetitionDto {
  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 64, description: '信访件编号' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  petitionNo?: string | null;

  @ApiProperty({ maxLength: 64, description: '信访人' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  petitioner: string;

  @ApiPropertyOptional({ type: String, nullable: true, description: '联系电话' })
  @IsOptional()
  @Matches(DISPUTE_PHONE, { message: PHONE_MESSAGE('phone') })
  phone?: string | null;

  @ApiProperty({ enum: PetitionForm, description: '信访形式' })
  @IsEnum(PetitionForm)
  form: PetitionForm;

  @ApiProperty({ example: '2026-12-01', description: '信访日期' })
  @IsCalendarDate()
  date: string;

  @ApiProperty({ description: '是否集体访' })
  @IsBoolean()
  collective: boolean;

  @ApiProperty({ enum: PetitionCategory, description: '信访类别' })
  @IsEnum(PetitionCategory)
  category: PetitionCategory;
}

/** 处理 (kept in the case's content once 申请办结 / 办结 has recorded it). */
export class DisputeHandlingDto {
  @ApiProperty({ enum: DisputeDisposal, description: '处置方式：化解 / 疏导' })
  @IsEnum(DisputeDisposal)
  disposal: DisputeDisposal;

  @ApiProperty({ enum: DisputeOutcome, description: '处置情况：案结事了 / 案结事未了' })
  @IsEnum(DisputeOutcome)
  outcome: DisputeOutcome;

  @ApiProperty({ example: '2026-12-01', description: '答复日期' })
  @IsCalendarDate()
  repliedAt: string;

  @ApiProperty({ maxLength: TEXT_MAX, description: '化解疏导情况' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(TEXT_MAX)
  handlingNote: string;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: TEXT_MAX, description: '存在问题' })
  @IsOptional()
  @IsString()
  @MaxLength(TEXT_MAX)
  issues?: string | null;
}

/** The fields of 录入 and 修改 (the * fields of the manual are the required ones here). */
export class DisputeFieldsDto {
  @ApiProperty({ minimum: 1, description: '所属街道 (录入后不可修改)' })
  @IsInt()
  @Min(1)
  streetId: number;

  @ApiProperty({ minimum: 1, description: '所属社区 (录入后不可修改)' })
  @IsInt()
  @Min(1)
  communityId: number;

  @ApiProperty({ minimum: 1, description: '小区名称：该社区的物业项目' })
  @IsInt()
  @Min(1)
  propertyAreaId: number;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 255, description: '详细地址' })
  @IsOptional()
  @IsString()
  @MaxLength(255)
  address?: string | null;

  @ApiProperty({ minimum: 1, description: '问题分类 (GET /api/disputes/categories)' })
  @IsInt()
  @Min(1)
  categoryId: number;

  @ApiProperty({ maxLength: TEXT_MAX, description: '纠纷简述' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(TEXT_MAX)
  summary: string;

  @ApiProperty({ maxLength: TEXT_MAX, description: '诉求' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(TEXT_MAX)
  demand: string;

  @ApiProperty({ minimum: 1, maximum: 100_000, description: '涉及人数' })
  @IsInt()
  @Min(1)
  @Max(100_000)
  peopleCount: number;

  @ApiProperty({ type: DisputePartyDto, description: '申请方' })
  @IsDefined()
  @ValidateNested()
  @Type(() => DisputePartyDto)
  applicant: DisputePartyDto;

  @ApiProperty({ type: DisputePartyDto, description: '被申请方' })
  @IsDefined()
  @ValidateNested()
  @Type(() => DisputePartyDto)
  respondent: DisputePartyDto;

  @ApiProperty({ enum: DisputeSource, description: '来源' })
  @IsEnum(DisputeSource)
  source: DisputeSource;

  @ApiProperty({ enum: DisputeUrgency, description: '紧急程度' })
  @IsEnum(DisputeUrgency)
  urgency: DisputeUrgency;

  @ApiPropertyOptional({ type: DisputePetitionDto, nullable: true, description: '信访信息 (可选)' })
  @IsOptional()
  @ValidateNested()
  @Type(() => DisputePetitionDto)
  petition?: DisputePetitionDto | null;

  @ApiPropertyOptional({ example: '2026-12-16', description: '办理时限；不填时按问题分类的工作日时限计算' })
  @IsOptional()
  @IsCalendarDate()
  deadline?: string;
}

export class CreateDisputeDto extends DisputeFieldsDto {
  @ApiPropertyOptional({ type: [Number], description: '附件 (POST /api/attachments 上传后的 id)' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(ATTACHMENTS_MAX)
  @IsInt({ each: true })
  attachmentIds?: number[];
}

export class EditDisputeDto extends CreateDisputeDto {
  @ApiPropertyOptional({ minimum: 1, description: '所属区域: 录入后不可修改 (不同的值被拒绝)' })
  @IsOptional()
  @IsInt()
  @Min(1)
  districtId?: number;

  @ApiProperty({ minimum: 1, description: '详情中的 version' })
  @IsInt()
  @Min(1)
  version: number;
}

/**
 * What the workflow case stores: the fields, the server-decided deadline, and the handling once
 * recorded. Validated by the engine on create and every edit.
 */
export class DisputePayload extends DisputeFieldsDto {
  // names the server fills in on every save (a client's values are overwritten): 历程 words edits with them
  @ApiPropertyOptional({ description: '服务端填写' })
  @IsOptional()
  @IsString()
  @MaxLength(128)
  propertyAreaName?: string;

  @ApiPropertyOptional({ description: '服务端填写' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  categoryName?: string;

  @ApiPropertyOptional({ type: DisputeHandlingDto, nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => DisputeHandlingDto)
  handling?: DisputeHandlingDto | null;
}

export class DisputeVersionDto {
  @ApiProperty({ minimum: 1 })
  @IsInt()
  @Min(1)
  version: number;
}

export class DisputeReturnDto extends DisputeVersionDto {
  @ApiProperty({ maxLength: 500, description: '退回理由' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  reason: string;
}

/** 处理: 处置方式 and 处置情况 are checked by the service, so that a 处置情况 without 处置方式 is named as such. */
export class DisputeHandleDto extends DisputeVersionDto {
  @ApiPropertyOptional({ enum: DisputeDisposal, description: '处置方式 *' })
  @IsOptional()
  @IsEnum(DisputeDisposal)
  disposal?: DisputeDisposal;

  @ApiPropertyOptional({ enum: DisputeOutcome, description: '处置情况 * (须先选处置方式)' })
  @IsOptional()
  @IsEnum(DisputeOutcome)
  outcome?: DisputeOutcome;

  @ApiProperty({ example: '2026-12-01', description: '答复日期 *' })
  @IsCalendarDate()
  repliedAt: string;

  @ApiProperty({ maxLength: TEXT_MAX, description: '化解疏导情况 *' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(TEXT_MAX)
  handlingNote: string;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: TEXT_MAX, description: '存在问题' })
  @IsOptional()
  @IsString()
  @MaxLength(TEXT_MAX)
  issues?: string | null;

  @ApiPropertyOptional({ type: [Number] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(ATTACHMENTS_MAX)
  @IsInt({ each: true })
  attachmentIds?: number[];
}

export class DisputeReviewDto extends DisputeVersionDto {
  @ApiProperty({ enum: [WorkflowAction.SEND_BACK, WorkflowAction.APPROVE_CLOSE], description: '审核意见：驳回重报 / 同意办结' })
  @IsIn([WorkflowAction.SEND_BACK, WorkflowAction.APPROVE_CLOSE])
  decision: WorkflowAction.SEND_BACK | WorkflowAction.APPROVE_CLOSE;

  @ApiPropertyOptional({ maxLength: 500, description: '意见 (驳回重报必填)' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  opinion?: string;

  @ApiPropertyOptional({ maxLength: 1000, description: '备注' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  remark?: string;
}

export class DisputeCategoryDto {
  @ApiProperty({ maxLength: 64 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  name: string;

  @ApiProperty({ minimum: 1, maximum: 60, description: '默认办理时限（工作日）' })
  @IsInt()
  @Min(1)
  @Max(60)
  timeLimitWorkingDays: number;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  active?: boolean;

  @ApiPropertyOptional()
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(1000)
  sortOrder?: number;
}

export class DisputeDeadlineQueryDto {
  @OptionalIdQuery('问题分类')
  categoryId?: number;
}

export class DisputeDuplicateQueryDto {
  @OptionalIdQuery('小区 (物业项目)')
  propertyAreaId?: number;

  @OptionalIdQuery('问题分类')
  categoryId?: number;

  @ApiPropertyOptional({ description: '信访人电话' })
  @IsOptional()
  @IsString()
  @MaxLength(20)
  petitionerPhone?: string;

  @ApiPropertyOptional({ description: '纠纷简述 (录入中)' })
  @IsOptional()
  @IsString()
  @MaxLength(TEXT_MAX)
  summary?: string;

  @OptionalIdQuery('修改时排除的案件')
  excludeId?: number;
}

/** The region and 录入日期 filters the ledgers and the statistics share. */
export class DisputeStatsQueryDto {
  @OptionalIdQuery('行政区')
  districtId?: number;

  @OptionalIdQuery('街道')
  streetId?: number;

  @OptionalIdQuery('社区')
  communityId?: number;

  @ApiPropertyOptional({ description: '录入日期起' })
  @IsOptional()
  @IsCalendarDate()
  enteredFrom?: string;

  @ApiPropertyOptional({ description: '录入日期止' })
  @IsOptional()
  @IsCalendarDate()
  enteredTo?: string;
}

/** The ledgers' filters (GET /api/disputes, 导出, the background export). */
export class DisputeLedgerQueryDto extends IntersectionType(DisputeStatsQueryDto, PageQueryDto) {
  @ApiPropertyOptional({ enum: DisputeLedger, description: '未办结台账 / 已办结台账 / 总台账 (默认)' })
  @IsOptional()
  @IsEnum(DisputeLedger)
  ledger?: DisputeLedger;

  @ApiPropertyOptional({ description: '小区名称 (包含)' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  propertyAreaName?: string;

  @ApiPropertyOptional({ enum: DisputeDisposal })
  @IsOptional()
  @IsEnum(DisputeDisposal)
  disposal?: DisputeDisposal;

  @ApiPropertyOptional({ enum: DisputeOutcome })
  @IsOptional()
  @IsEnum(DisputeOutcome)
  outcome?: DisputeOutcome;

  @ApiPropertyOptional({ description: '化解疏导情况 (包含)' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  handlingNote?: string;

  @OptionalIdQuery('问题分类')
  categoryId?: number;

  @ApiPropertyOptional({ enum: DISPUTE_STATUSES })
  @IsOptional()
  @IsIn(DISPUTE_STATUSES)
  status?: DisputeStatus;

  @OptionalBooleanQuery('仅超期')
  overdue?: boolean;

  @OptionalBooleanQuery('案结事未了 (回访)')
  followUp?: boolean;

  @ApiPropertyOptional({ description: '办理时限起' })
  @IsOptional()
  @IsCalendarDate()
  deadlineFrom?: string;

  @ApiPropertyOptional({ description: '办理时限止' })
  @IsOptional()
  @IsCalendarDate()
  deadlineTo?: string;

  @ApiPropertyOptional({ description: '办结日期起' })
  @IsOptional()
  @IsCalendarDate()
  closedFrom?: string;

  @ApiPropertyOptional({ description: '办结日期止' })
  @IsOptional()
  @IsCalendarDate()
  closedTo?: string;

  @ApiPropertyOptional({ enum: DisputeSortKey, description: '排序 (默认录入时间)' })
  @IsOptional()
  @IsEnum(DisputeSortKey)
  sort?: DisputeSortKey;

  @ApiPropertyOptional({ enum: ['ASC', 'DESC'], description: '默认 DESC' })
  @IsOptional()
  @IsIn(['ASC', 'DESC'])
  order?: 'ASC' | 'DESC';
}


export class DisputeStatsCellQueryDto extends IntersectionType(DisputeStatsQueryDto, PageQueryDto) {
  @OptionalIdQuery('统计表中某一行的区域（regionId）；不填为合计行')
  regionId?: number;

  @ApiProperty({ enum: DisputeCounter, description: '点开的数字' })
  @IsEnum(DisputeCounter)
  counter: DisputeCounter;
}
