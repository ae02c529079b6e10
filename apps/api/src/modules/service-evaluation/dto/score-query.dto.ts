import { ApiPropertyOptional } from '@nestjs/swagger';
import { EvaluationGrade, EvaluationSubjectType } from '@szpm/contract';
import { Type } from 'class-transformer';
import { IsEnum, IsIn, IsInt, IsOptional, IsString, Matches, MaxLength, Min } from 'class-validator';
import { PageQueryDto } from '../../../common/http/pagination.dto';

const CYCLE = /^\d{4}(-H[12])?$/;

export class CycleQueryDto {
  @ApiPropertyOptional({ example: '2026', description: '计分周期：自然年度如 2026，半年度如 2026-H1；不填为当前周期' })
  @IsOptional()
  @IsString()
  @Matches(CYCLE)
  cycle?: string;
}

export class ScoreQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: EvaluationSubjectType, default: EvaluationSubjectType.COMPANY })
  @IsOptional()
  @IsEnum(EvaluationSubjectType)
  subjectType?: EvaluationSubjectType;

  @ApiPropertyOptional({ example: '2026', description: '计分周期；不填为当前周期' })
  @IsOptional()
  @IsString()
  @Matches(CYCLE)
  cycle?: string;

  @ApiPropertyOptional({ description: '按名称搜索（包含）' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  search?: string;

  @ApiPropertyOptional({ enum: EvaluationGrade })
  @IsOptional()
  @IsEnum(EvaluationGrade)
  grade?: EvaluationGrade;

  @ApiPropertyOptional({ enum: ['desc', 'asc'], default: 'desc', description: '按总分排序：desc 从高到低，asc 从低到高' })
  @IsOptional()
  @IsIn(['desc', 'asc'])
  order?: 'desc' | 'asc';

  @ApiPropertyOptional({ description: '市局账号可指定行政区；区局账号只能查看本区' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  districtId?: number;
}
