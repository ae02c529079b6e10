import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import {
  BasicInformationDraft,
  EvaluationSubjectType,
  FileObjectionRequest,
  ObjectionGrounds,
  ObjectionTarget,
  RecordDraft,
  ResubmitObjectionRequest,
  WorkflowStatus,
} from '@szpm/contract';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayUnique, IsArray, IsBoolean, IsEnum, IsInt, IsNotEmpty, IsObject, IsOptional, IsString, Matches, Max, MaxLength, Min, ValidateIf, ValidateNested } from 'class-validator';
import { PageQueryDto } from '../../../../common/http/pagination.dto';
import { IsCalendarDate } from '../../../../common/validation/calendar-date.validator';
import { OptionalBooleanQuery } from '../../../../common/validation/query-decorators';

const CYCLE = /^\d{4}(-H[12])?$/;
const CODE = /^[A-Z0-9_]{2,32}$/;

/** What the subject states: target, kind, grounds (fixed once filed) and text. */
class ObjectionStatement {
  @ApiProperty({ enum: ObjectionTarget, description: '异议对象：不良信息 / 风险名单 / 得分' })
  @IsEnum(ObjectionTarget)
  target: ObjectionTarget;

  @ApiPropertyOptional({ description: '不良信息或风险名单的 id（target 为 BAD_RECORD / RISK_LIST_ENTRY 时必填）' })
  @ValidateIf((o: ObjectionStatement) => o.target !== ObjectionTarget.SCORE || o.recordId !== undefined)
  @IsInt()
  @Min(1)
  recordId?: number;

  @ApiPropertyOptional({ example: '2026', description: '计分周期（target 为 SCORE 时必填）' })
  @ValidateIf((o: ObjectionStatement) => o.target === ObjectionTarget.SCORE || o.cycleKey !== undefined)
  @IsString()
  @Matches(CYCLE)
  cycleKey?: string;

  @ApiProperty({ description: '异议类型（GET /api/service-evaluation/objections/kinds）' })
  @IsInt()
  @Min(1)
  kindId: number;

  @ApiProperty({ enum: ObjectionGrounds, description: '异议理由：同一信息同一理由只能提出一次' })
  @IsEnum(ObjectionGrounds)
  grounds: ObjectionGrounds;

  @ApiProperty({ description: '异议内容：事实和理由' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  text: string;
}

/** The handler's draft copy of a bad record or risk-list entry (fields in brackets are filled by the server). */
export class RecordDraftDto implements RecordDraft {
  @ApiProperty()
  @IsInt()
  @Min(1)
  itemId: number;

  @ApiProperty()
  @IsInt()
  @Min(1)
  circumstanceId: number;

  @ApiProperty({ example: '2026-03-01' })
  @IsCalendarDate()
  factDate: string;

  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  documentNo: string;

  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  description: string;

  @ApiProperty({ description: 'true：异议成立且该信息不应存在，审核同意后撤销该信息' })
  @IsBoolean()
  revoke: boolean;

  @ApiPropertyOptional({ readOnly: true })
  @IsOptional()
  itemName?: string;

  @ApiPropertyOptional({ readOnly: true })
  @IsOptional()
  circumstanceDescription?: string;

  @ApiPropertyOptional({ type: Number, nullable: true, readOnly: true })
  @IsOptional()
  level?: number | null;

  @ApiPropertyOptional({ type: Number, nullable: true, readOnly: true })
  @IsOptional()
  points?: number | null;

  @ApiPropertyOptional({ readOnly: true })
  @IsOptional()
  publicityMonths?: number;
}

/** The handler's draft of the subject's basic information (companies: the first three; project managers: the last two). */
export class BasicInformationDraftDto implements BasicInformationDraft {
  @ApiPropertyOptional({ description: '法定代表人（企业）' })
  @IsOptional()
  @IsString()
  @MaxLength(32)
  legalRepresentative?: string;

  @ApiPropertyOptional({ description: '联系电话（企业）' })
  @IsOptional()
  @IsString()
  @MaxLength(20)
  contactPhone?: string;

  @ApiPropertyOptional({ description: '注册地址（企业）' })
  @IsOptional()
  @IsString()
  @MaxLength(255)
  address?: string;

  @ApiPropertyOptional({ description: '手机号码（项目负责人）' })
  @IsOptional()
  @IsString()
  @MaxLength(20)
  phone?: string;

  @ApiPropertyOptional({ description: '从业证书编号（项目负责人）' })
  @IsOptional()
  @IsString()
  @MaxLength(32)
  certificateNo?: string;
}

/**
 * The workflow payload of an objection (payloadClass): the statement, what the server fills in
 * (subject, kind name, the record as it stands), and the handler's draft. Server-filled fields sent
 * by a client are overwritten; who may change which part is decided by ObjectionForm.prepare.
 */
export class ObjectionPayload extends ObjectionStatement {
  @ApiPropertyOptional({ readOnly: true, enum: EvaluationSubjectType })
  @IsOptional()
  subjectType?: EvaluationSubjectType;

  @ApiPropertyOptional({ readOnly: true })
  @IsOptional()
  subjectId?: number;

  @ApiPropertyOptional({ readOnly: true })
  @IsOptional()
  subjectName?: string;

  @ApiPropertyOptional({ readOnly: true })
  @IsOptional()
  kindName?: string;

  @ApiPropertyOptional({ readOnly: true, description: '异议所涉信息的现状（最近一次起草时）' })
  @IsOptional()
  @IsObject()
  original?: Record<string, unknown>;

  @ApiPropertyOptional({ type: RecordDraftDto, nullable: true, description: '经办人修改后的不良信息 / 风险名单（仅保存在本审批单中）' })
  @ValidateIf((o: ObjectionPayload) => o.draft !== undefined && o.draft !== null)
  @ValidateNested()
  @Type(() => RecordDraftDto)
  draft?: RecordDraftDto | null;

  @ApiPropertyOptional({ type: BasicInformationDraftDto, nullable: true, description: '经办人修改后的基础信息（得分异议）' })
  @ValidateIf((o: ObjectionPayload) => o.basicDraft !== undefined && o.basicDraft !== null)
  @ValidateNested()
  @Type(() => BasicInformationDraftDto)
  basicDraft?: BasicInformationDraftDto | null;
}

/** 提出异议 */
export class FileObjectionDto extends ObjectionStatement implements FileObjectionRequest {
  @ApiPropertyOptional({ type: [Number], description: '附件（POST /api/attachments 上传后的 id）' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ArrayUnique()
  @IsInt({ each: true })
  @Min(1, { each: true })
  attachmentIds?: number[];

  @ApiPropertyOptional({ description: '备注' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  remark?: string;
}

/** 补录后重新提交 */
export class ResubmitObjectionDto implements ResubmitObjectionRequest {
  @ApiProperty({ description: '业务单的 version（乐观锁）' })
  @IsInt()
  @Min(1)
  version: number;

  @ApiPropertyOptional({ description: '补充后的异议内容；不填则不变' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  text?: string;

  @ApiPropertyOptional({ type: [Number], description: '补充的附件' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ArrayUnique()
  @IsInt({ each: true })
  @Min(1, { each: true })
  attachmentIds?: number[];

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  remark?: string;
}

export class ObjectionQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: WorkflowStatus, description: '办理状态' })
  @IsOptional()
  @IsEnum(WorkflowStatus)
  status?: WorkflowStatus;

  @ApiPropertyOptional({ enum: ObjectionTarget })
  @IsOptional()
  @IsEnum(ObjectionTarget)
  target?: ObjectionTarget;
}

export class ObjectionKindQueryDto {
  @ApiPropertyOptional({ enum: ObjectionTarget, description: '只列出适用于该异议对象的类型' })
  @IsOptional()
  @IsEnum(ObjectionTarget)
  target?: ObjectionTarget;

  @OptionalBooleanQuery('true: 也列出已停用的类型（维护目录时用）')
  includeDisabled?: boolean;
}

export class CreateObjectionKindDto {
  @ApiProperty({ example: 'BAD_RECORD_POINTS', description: '编码：大写字母、数字、下划线' })
  @IsString()
  @Matches(CODE)
  code: string;

  @ApiProperty({ example: '不良信息计分异议' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  name: string;

  @ApiProperty({ enum: ObjectionTarget })
  @IsEnum(ObjectionTarget)
  target: ObjectionTarget;

  @ApiPropertyOptional({ default: true })
  @IsOptional()
  @IsBoolean()
  enabled?: boolean;

  @ApiPropertyOptional({ default: 0 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(9999)
  sortOrder?: number;
}

export class UpdateObjectionKindDto extends PartialType(CreateObjectionKindDto) {}
