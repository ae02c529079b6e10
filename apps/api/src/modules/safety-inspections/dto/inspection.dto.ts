import { ApiProperty, ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { SafetyCheckKind, SafetyCheckOutcome, SafetyCompletionCounter, SafetyTargetStatus } from '@szpm/contract';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayNotEmpty, ArrayUnique, IsArray, IsEnum, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, MaxLength, Min, ValidateNested } from 'class-validator';
import { PageQueryDto } from '../../../common/http/pagination.dto';
import { IsCalendarDate } from '../../../common/validation/calendar-date.validator';
import { OptionalBooleanQuery, OptionalIdQuery, TextSearchQuery } from '../../../common/validation/query-decorators';

/** 发起安全检查 */
export class LaunchInspectionDto {
  @ApiProperty({ description: '检查库中的模板' })
  @IsInt()
  @Min(1)
  templateId: number;

  @ApiPropertyOptional({ description: '标题（默认：模板名称）', example: '2026年上半年物业管理区域安全生产常规检查' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(128)
  title?: string;

  @ApiProperty({ example: '2026-12-31', description: '截止日期（含当天）' })
  @IsCalendarDate()
  deadline: string;

  @ApiPropertyOptional({ description: '检查说明', example: '请各项目负责人对照检查项逐项自查，不合格项须拍照并说明整改措施。' })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  instructions?: string;

  @ApiPropertyOptional({ description: '市局账号须指定行政区；区局账号为本区' })
  @IsOptional()
  @IsInt()
  @Min(1)
  districtId?: number;

  @ApiPropertyOptional({ type: [Number], description: '检查的物业项目（不填：本区全部物业项目）' })
  @IsOptional()
  @IsArray()
  @ArrayNotEmpty()
  @ArrayUnique()
  @ArrayMaxSize(20000)
  @IsInt({ each: true })
  @Min(1, { each: true })
  propertyAreaIds?: number[];
}

export class InspectionListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: SafetyCheckKind })
  @IsOptional()
  @IsEnum(SafetyCheckKind)
  kind?: SafetyCheckKind;

  @TextSearchQuery('标题包含')
  search?: string;

  @OptionalIdQuery('市局账号：只看该行政区')
  districtId?: number;
}

/** 按物业项目统计 */
export class AreaStatsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: SafetyTargetStatus })
  @IsOptional()
  @IsEnum(SafetyTargetStatus)
  status?: SafetyTargetStatus;

  @OptionalBooleanQuery('true: 已完成；false: 未完成（未填报和填报中）')
  done?: boolean;

  @OptionalBooleanQuery('true: 只看发现问题的项目')
  hasProblems?: boolean;

  @OptionalIdQuery()
  streetId?: number;

  @OptionalIdQuery()
  communityId?: number;

  @OptionalIdQuery()
  companyId?: number;

  @TextSearchQuery('物业项目名称包含')
  search?: string;
}

/** 按物业服务企业统计 */
export class CompanyStatsQueryDto extends PageQueryDto {
  @TextSearchQuery('企业名称包含')
  search?: string;
}

/** 查看全部统计: one inspection, or every inspection launched in [from, to]; drill-down district → street → community → property area. */
export class OverviewQueryDto {
  @OptionalIdQuery('只统计这次检查')
  inspectionId?: number;

  @ApiPropertyOptional({ enum: SafetyCheckKind })
  @IsOptional()
  @IsEnum(SafetyCheckKind)
  kind?: SafetyCheckKind;

  @ApiPropertyOptional({ example: '2026-01-01', description: '发起日期自' })
  @IsOptional()
  @IsCalendarDate()
  from?: string;

  @ApiPropertyOptional({ example: '2026-12-31', description: '发起日期至' })
  @IsOptional()
  @IsCalendarDate()
  to?: string;

  @OptionalIdQuery('市局账号：下钻到该行政区的街道')
  districtId?: number;

  @OptionalIdQuery('下钻到该街道的社区')
  streetId?: number;

  @OptionalIdQuery('下钻到该社区的物业项目；设施设备统计：只统计该社区')
  communityId?: number;
}

export const SAFETY_COMPLETION_COUNTERS: readonly SafetyCompletionCounter[] = ['targets', 'submitted', 'outstanding', 'overdue', 'problems', 'areasWithProblems'];

/** The areas behind one number of the completion statistics: the table's filters, the row tapped and the counter. */
export class SafetyCellQueryDto extends IntersectionType(OverviewQueryDto, PageQueryDto) {
  @OptionalIdQuery('统计表中某一行的区域（regionId）；不填为合计行')
  regionId?: number;

  @ApiProperty({ enum: SAFETY_COMPLETION_COUNTERS, description: '点开的数字：targets 应检查 / submitted 已提交 / outstanding 未提交 / overdue 逾期 / problems 发现问题 / areasWithProblems 有问题项目' })
  @IsIn(SAFETY_COMPLETION_COUNTERS)
  counter: SafetyCompletionCounter;
}

export class UrgeInspectionDto {
  @ApiPropertyOptional({ description: '只催办该物业服务企业的项目（按物业服务企业统计中的催办）' })
  @IsOptional()
  @IsInt()
  @Min(1)
  companyId?: number;

  @ApiPropertyOptional({ type: [Number], description: '只催办这些物业项目' })
  @IsOptional()
  @IsArray()
  @ArrayNotEmpty()
  @ArrayUnique()
  @ArrayMaxSize(20000)
  @IsInt({ each: true })
  @Min(1, { each: true })
  propertyAreaIds?: number[];
}

export class TaskQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: SafetyTargetStatus })
  @IsOptional()
  @IsEnum(SafetyTargetStatus)
  status?: SafetyTargetStatus;

  @OptionalIdQuery('只看这次检查（发起通知和催办的链接带此参数）')
  inspectionId?: number;
}

export class ResultEntryDto {
  @ApiProperty({ description: '检查项（本次检查的 items[].id）' })
  @IsInt()
  @Min(1)
  itemId: number;

  @ApiProperty({ enum: SafetyCheckOutcome })
  @IsEnum(SafetyCheckOutcome)
  outcome: SafetyCheckOutcome;

  @ApiPropertyOptional({ type: String, description: '说明；不合格时必填（提交时检查）', nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  note?: string | null;

  @ApiPropertyOptional({ type: [Number], description: '现场照片（先 POST /api/attachments 上传）；给出即替换该项原有照片' })
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @ArrayMaxSize(9)
  @IsInt({ each: true })
  @Min(1, { each: true })
  photoAttachmentIds?: number[];
}

/** 保存: the answers given so far (any subset of the items); earlier answers of other items stay. */
export class SaveResultsDto {
  @ApiProperty({ type: [ResultEntryDto] })
  @IsArray()
  @ArrayNotEmpty()
  @ArrayMaxSize(1000)
  @ValidateNested({ each: true })
  @Type(() => ResultEntryDto)
  results: ResultEntryDto[];
}

/** 提交: optionally the last answers, then every item must have one. */
export class SubmitResultsDto {
  @ApiPropertyOptional({ type: [ResultEntryDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(1000)
  @ValidateNested({ each: true })
  @Type(() => ResultEntryDto)
  results?: ResultEntryDto[];
}

/** 发起安全检查 → 指定物业项目: the areas to choose from. */
export class AreaCandidateQueryDto extends PageQueryDto {
  @OptionalIdQuery('市局账号：该行政区的物业项目')
  districtId?: number;

  @OptionalIdQuery()
  streetId?: number;

  @OptionalIdQuery()
  communityId?: number;

  @TextSearchQuery('物业项目名称或编号包含')
  search?: string;
}
