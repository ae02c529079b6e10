import { ApiPropertyOptional } from '@nestjs/swagger';
import { EvaluationGrade, EvaluationSubjectType } from '@szpm/contract';
import { IsEnum, IsIn, IsOptional, IsString, Matches } from 'class-validator';
import { PageQueryDto } from '../../../common/http/pagination.dto';
import { OptionalIdQuery, TextSearchQuery } from '../../../common/validation/query-decorators';

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

  @TextSearchQuery('按名称搜索（包含）')
  search?: string;

  @ApiPropertyOptional({ enum: EvaluationGrade })
  @IsOptional()
  @IsEnum(EvaluationGrade)
  grade?: EvaluationGrade;

  @ApiPropertyOptional({ enum: ['desc', 'asc'], default: 'desc', description: '按总分排序：desc 从高到低，asc 从低到高' })
  @IsOptional()
  @IsIn(['desc', 'asc'])
  order?: 'desc' | 'asc';

  @OptionalIdQuery('市局账号可指定行政区；区局账号只能查看本区')
  districtId?: number;
}
