import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { SafetyCheckKind } from '@szpm/contract';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayNotEmpty, IsArray, IsEnum, IsInt, IsNotEmpty, IsOptional, IsString, MaxLength, Min, ValidateNested } from 'class-validator';
import { TextSearchQuery } from '../../../common/validation/query-decorators';

export class SubItemDto {
  @ApiProperty({ example: '消防车通道畅通，标识标线清晰' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(255)
  content: string;

  @ApiPropertyOptional({ type: String, example: '消防车通道', nullable: true, description: '所检查的设施设备（用于设施设备统计）' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(32)
  facility?: string | null;
}

export class IndicatorDto {
  @ApiProperty({ example: '消防保卫' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(128)
  name: string;

  @ApiProperty({ type: [SubItemDto] })
  @IsArray()
  @ArrayNotEmpty()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => SubItemDto)
  subItems: SubItemDto[];
}

/** 新增: a whole template, its indicators and sub-items in order. */
export class CreateTemplateDto {
  @ApiProperty({ example: '物业管理区域安全生产常规检查' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(128)
  name: string;

  @ApiProperty({ enum: SafetyCheckKind })
  @IsEnum(SafetyCheckKind)
  kind: SafetyCheckKind;

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  description?: string | null;

  @ApiProperty({ type: [IndicatorDto] })
  @IsArray()
  @ArrayNotEmpty()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => IndicatorDto)
  indicators: IndicatorDto[];
}

/** 编辑: the template as it should be now (indicators and sub-items added, changed, removed), with the version it was read at. */
export class UpdateTemplateDto extends CreateTemplateDto {
  @ApiProperty({ description: '读取模板时的 version（有他人先修改则 409）' })
  @IsInt()
  @Min(1)
  version: number;
}

export class CopyTemplateDto {
  @ApiPropertyOptional({ description: '副本名称（默认：原名称）' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(128)
  name?: string;
}

export class TemplateQueryDto {
  @ApiPropertyOptional({ enum: SafetyCheckKind })
  @IsOptional()
  @IsEnum(SafetyCheckKind)
  kind?: SafetyCheckKind;

  @TextSearchQuery('名称包含')
  search?: string;
}
