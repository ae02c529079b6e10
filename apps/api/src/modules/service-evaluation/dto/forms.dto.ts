import { ApiProperty, ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { EvaluationSubjectType } from '@szpm/contract';
import { ArrayMaxSize, ArrayUnique, IsArray, IsBoolean, IsEnum, IsInt, IsNotEmpty, IsOptional, IsString, MaxLength, Min } from 'class-validator';
import { IsCalendarDate } from '../../../common/validation/calendar-date.validator';

/**
 * Form contents. `*Input` is what the handler enters; `*Payload` (the workflow payloadClass) adds
 * the fields the server fills from the catalogue and the database. Those are accepted on edits
 * only so that a form can be sent back as shown, and are always overwritten by the server.
 */

class SubjectChoice {
  @ApiProperty({ enum: EvaluationSubjectType })
  @IsEnum(EvaluationSubjectType)
  subjectType: EvaluationSubjectType;

  @ApiProperty({ description: '物业服务企业或项目负责人的 id（本区）' })
  @IsInt()
  @Min(1)
  subjectId: number;
}

class DocumentFacts extends SubjectChoice {
  @ApiProperty({ example: '深福住建罚〔2026〕12号', description: '文书编号' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  documentNo: string;

  @ApiProperty({ description: '情况说明' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  description: string;
}

export class BadRecordDeterminationInput extends DocumentFacts {
  @ApiProperty({ description: '不良信息事项' })
  @IsInt()
  @Min(1)
  itemId: number;

  @ApiProperty({ description: '情形（决定等级、分值和公示期时长）' })
  @IsInt()
  @Min(1)
  circumstanceId: number;

  @ApiProperty({ example: '2026-03-01', description: '事实发生日期' })
  @IsCalendarDate()
  factDate: string;

  @ApiPropertyOptional({ type: [Number], description: '关联同年度的不良信息（同一评价对象、同一事项）' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ArrayUnique()
  @IsInt({ each: true })
  @Min(1, { each: true })
  linkedRecordIds?: number[];
}

export class BadRecordDeterminationPayload extends BadRecordDeterminationInput {
  @ApiPropertyOptional({ readOnly: true })
  @IsOptional()
  subjectName?: string;

  @ApiPropertyOptional({ readOnly: true })
  @IsOptional()
  itemName?: string;

  @ApiPropertyOptional({ readOnly: true })
  @IsOptional()
  circumstanceDescription?: string;

  @ApiPropertyOptional({ readOnly: true, description: '等级（由情形决定）' })
  @IsOptional()
  level?: number;

  @ApiPropertyOptional({ readOnly: true, description: '分值（由情形决定）' })
  @IsOptional()
  points?: number;

  @ApiPropertyOptional({ readOnly: true, description: '公示期时长（月，由情形决定）' })
  @IsOptional()
  publicityMonths?: number;

  @ApiPropertyOptional({ readOnly: true })
  @IsOptional()
  countOncePerYear?: boolean;
}

export class GoodRecordDeterminationInput extends DocumentFacts {
  @ApiProperty({ description: '良好信息事项' })
  @IsInt()
  @Min(1)
  itemId: number;

  @ApiProperty({ example: '2026-03-01', description: '表彰日期' })
  @IsCalendarDate()
  awardDate: string;
}

export class GoodRecordDeterminationPayload extends GoodRecordDeterminationInput {
  @ApiPropertyOptional({ readOnly: true })
  @IsOptional()
  subjectName?: string;

  @ApiPropertyOptional({ readOnly: true })
  @IsOptional()
  itemName?: string;

  @ApiPropertyOptional({ readOnly: true, description: '加分（由事项决定）' })
  @IsOptional()
  points?: number;
}

export class RiskListDeterminationInput extends DocumentFacts {
  @ApiProperty({ description: '风险名单事项' })
  @IsInt()
  @Min(1)
  itemId: number;

  @ApiProperty({ description: '情形（决定公示期时长）' })
  @IsInt()
  @Min(1)
  circumstanceId: number;

  @ApiProperty({ example: '2026-03-01', description: '事实发生日期' })
  @IsCalendarDate()
  factDate: string;
}

export class RiskListDeterminationPayload extends RiskListDeterminationInput {
  @ApiPropertyOptional({ readOnly: true })
  @IsOptional()
  subjectName?: string;

  @ApiPropertyOptional({ readOnly: true })
  @IsOptional()
  itemName?: string;

  @ApiPropertyOptional({ readOnly: true })
  @IsOptional()
  circumstanceDescription?: string;

  @ApiPropertyOptional({ readOnly: true, description: '公示期时长（月，由情形决定）' })
  @IsOptional()
  publicityMonths?: number;
}

export class ReasonInput {
  @ApiProperty({ description: '撤销或恢复的原因' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  reason: string;
}

/** 撤销 / 恢复 of a bad record or a risk-list entry: the record and the reason. */
export class WithdrawalPayload extends ReasonInput {
  @ApiProperty({ description: '不良信息或风险名单记录的 id' })
  @IsInt()
  @Min(1)
  recordId: number;

  @ApiPropertyOptional({ readOnly: true })
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
  itemName?: string;

  @ApiPropertyOptional({ readOnly: true })
  @IsOptional()
  factDate?: string;
}

/** How a module endpoint starts its form (the workflow engine's options). */
export class FormStartOptions {
  @ApiPropertyOptional({ type: [Number], description: '附件（先通过附件上传接口上传）' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ArrayUnique()
  @IsInt({ each: true })
  @Min(1, { each: true })
  attachmentIds?: number[];

  @ApiPropertyOptional({ default: true, description: 'true: 提交至认定审核；false: 暂存在录入初审' })
  @IsOptional()
  @IsBoolean()
  submit?: boolean;

  @ApiPropertyOptional({ description: '初审意见' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  opinion?: string;

  @ApiPropertyOptional({ description: '备注' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  remark?: string;
}

export class StartBadRecordDeterminationDto extends IntersectionType(BadRecordDeterminationInput, FormStartOptions) {}
export class StartGoodRecordDeterminationDto extends IntersectionType(GoodRecordDeterminationInput, FormStartOptions) {}
export class StartRiskListDeterminationDto extends IntersectionType(RiskListDeterminationInput, FormStartOptions) {}
export class StartWithdrawalDto extends IntersectionType(ReasonInput, FormStartOptions) {}

/** 分值 / 公示期 preview for the entry screen. */
export class BadRecordPreviewDto {
  @ApiProperty()
  @IsInt()
  @Min(1)
  itemId: number;

  @ApiProperty()
  @IsInt()
  @Min(1)
  circumstanceId: number;

  @ApiPropertyOptional({ enum: EvaluationSubjectType, description: '给出时检查事项是否适用于该类评价对象' })
  @IsOptional()
  @IsEnum(EvaluationSubjectType)
  subjectType?: EvaluationSubjectType;
}

export class RiskListPreviewDto extends BadRecordPreviewDto {}
