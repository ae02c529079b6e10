import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { EvaluationSubjectType, ScoringCycleKind } from '@szpm/contract';
import { Type } from 'class-transformer';
import { IsBoolean, IsEnum, IsInt, IsNotEmpty, IsObject, IsOptional, IsString, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { OptionalBooleanQuery } from '../../../common/validation/query-decorators';

const CODE = /^[A-Z0-9_]{2,32}$/;

export class CatalogueQueryDto {
  @ApiPropertyOptional({ enum: EvaluationSubjectType, description: '只列出适用于该评价对象的事项' })
  @IsOptional()
  @IsEnum(EvaluationSubjectType)
  subjectType?: EvaluationSubjectType;

  @OptionalBooleanQuery('true: 也列出已停用的事项和情形（维护目录时用）')
  includeDisabled?: boolean;
}

class CatalogueEntryBase {
  @ApiProperty({ example: 'INFO_DISCLOSURE', description: '编码：大写字母、数字、下划线' })
  @IsString()
  @Matches(CODE)
  code: string;

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

class CatalogueItemBase extends CatalogueEntryBase {
  @ApiProperty({ example: '未按规定公开物业服务信息' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(128)
  name: string;

  @ApiPropertyOptional({ enum: EvaluationSubjectType, nullable: true, description: '不填：适用于物业服务企业和项目负责人' })
  @IsOptional()
  @IsEnum(EvaluationSubjectType)
  subjectType?: EvaluationSubjectType | null;
}

export class CreateBadRecordItemDto extends CatalogueItemBase {
  @ApiPropertyOptional({ default: false, description: '有多个处罚事项，同一事项只计一次，取最高等级计分' })
  @IsOptional()
  @IsBoolean()
  countOncePerYear?: boolean;
}
export class UpdateBadRecordItemDto extends PartialType(CreateBadRecordItemDto) {}

class CircumstanceBase extends CatalogueEntryBase {
  @ApiProperty({ example: '经责令限期改正，逾期未改正' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(255)
  description: string;

  @ApiProperty({ minimum: 0, maximum: 120, description: '公示期时长（月）' })
  @IsInt()
  @Min(0)
  @Max(120)
  publicityMonths: number;
}

export class CreateBadRecordCircumstanceDto extends CircumstanceBase {
  @ApiProperty({ minimum: 1, maximum: 9, description: '等级，1 为最严重' })
  @IsInt()
  @Min(1)
  @Max(9)
  level: number;

  @ApiProperty({ minimum: 0, maximum: 100, description: '扣分' })
  @IsInt()
  @Min(0)
  @Max(100)
  points: number;
}
export class UpdateBadRecordCircumstanceDto extends PartialType(CreateBadRecordCircumstanceDto) {}

/**
 * One row of the bad-record catalogue sheet (template, export, import): an item and one of its
 * circumstances, validated by the same DTOs as a single create. An item without circumstances
 * has a row with the circumstance cells empty.
 */
export class BadRecordCatalogueRowDto {
  @IsObject()
  @ValidateNested()
  @Type(() => CreateBadRecordItemDto)
  item: CreateBadRecordItemDto;

  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => CreateBadRecordCircumstanceDto)
  circumstance?: CreateBadRecordCircumstanceDto;
}

export class CreateRiskListItemDto extends CatalogueItemBase {}
export class UpdateRiskListItemDto extends PartialType(CreateRiskListItemDto) {}

export class CreateRiskListCircumstanceDto extends CircumstanceBase {}
export class UpdateRiskListCircumstanceDto extends PartialType(CreateRiskListCircumstanceDto) {}

export class CreateGoodRecordItemDto extends CatalogueItemBase {
  @ApiProperty({ minimum: 0, maximum: 100, description: '加分' })
  @IsInt()
  @Min(0)
  @Max(100)
  points: number;
}
export class UpdateGoodRecordItemDto extends PartialType(CreateGoodRecordItemDto) {}

export class GradeThresholdsDto {
  @ApiProperty({ example: 85 })
  @IsInt()
  @Min(0)
  @Max(1000)
  aaa: number;

  @ApiProperty({ example: 80 })
  @IsInt()
  @Min(0)
  @Max(1000)
  aa: number;

  @ApiProperty({ example: 70 })
  @IsInt()
  @Min(0)
  @Max(1000)
  a: number;

  @ApiProperty({ example: 60 })
  @IsInt()
  @Min(0)
  @Max(1000)
  b: number;
}

export class UpdateScoringRulesDto {
  @ApiProperty({ enum: ScoringCycleKind })
  @IsEnum(ScoringCycleKind)
  cycleKind: ScoringCycleKind;

  @ApiProperty({ example: 80, description: '基础信息满分' })
  @IsInt()
  @Min(0)
  @Max(1000)
  basicScoreMax: number;

  @ApiProperty({ example: 40, description: '良好信息计分上限' })
  @IsInt()
  @Min(0)
  @Max(1000)
  goodRecordCap: number;

  @ApiProperty({ type: GradeThresholdsDto })
  @IsObject()
  @ValidateNested()
  @Type(() => GradeThresholdsDto)
  grades: GradeThresholdsDto;
}
