import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { EvaluationRecordStatus, EvaluationSubjectType } from '@szpm/contract';
import { IsEnum, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { PageQueryDto } from '../../../common/http/pagination.dto';
import { BAD_RECORD_CURSOR } from '../records/bad-record-search';
import { IsCalendarDate } from '../../../common/validation/calendar-date.validator';
import { IdQuery, OptionalIdQuery, TextSearchQuery } from '../../../common/validation/query-decorators';

/** 不良信息汇总 / 风险名单 search. */
export class RecordSearchDto extends PageQueryDto {
  @TextSearchQuery('评价对象名称（包含）')
  search?: string;

  @OptionalIdQuery('事项')
  itemId?: number;

  @ApiPropertyOptional({ enum: EvaluationRecordStatus })
  @IsOptional()
  @IsEnum(EvaluationRecordStatus)
  status?: EvaluationRecordStatus;

  @OptionalIdQuery('市局账号可指定行政区；区局账号只能查看本区')
  districtId?: number;

  @ApiPropertyOptional({ example: '2026-01-01', description: '事实发生日期起（含）' })
  @IsOptional()
  @IsCalendarDate()
  factDateFrom?: string;

  @ApiPropertyOptional({ example: '2026-12-31', description: '事实发生日期止（含）' })
  @IsOptional()
  @IsCalendarDate()
  factDateTo?: string;

  @ApiPropertyOptional({ description: '文书编号（包含）' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  documentNo?: string;

  @OptionalIdQuery('只看一个评价对象的信息（物业企业 / 项目负责人页面）；不良信息须同时指定 subjectType')
  subjectId?: number;
}

export class BadRecordSearchDto extends RecordSearchDto {
  @ApiPropertyOptional({ enum: EvaluationSubjectType })
  @IsOptional()
  @IsEnum(EvaluationSubjectType)
  subjectType?: EvaluationSubjectType;

  @ApiPropertyOptional({ description: '翻页游标：上一页答复的 nextCursor（深翻页用，代替 page）', example: '2026-03-01_1234' })
  @IsOptional()
  @IsString()
  @Matches(BAD_RECORD_CURSOR)
  cursor?: string;
}

export class GoodRecordSearchDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: EvaluationSubjectType })
  @IsOptional()
  @IsEnum(EvaluationSubjectType)
  subjectType?: EvaluationSubjectType;

  @TextSearchQuery('评价对象名称（包含）')
  search?: string;

  @OptionalIdQuery()
  districtId?: number;
}

/** 关联同年度的不良信息: candidates for a count-once link. */
export class LinkCandidatesQueryDto {
  @ApiProperty({ enum: EvaluationSubjectType })
  @IsEnum(EvaluationSubjectType)
  subjectType: EvaluationSubjectType;

  @IdQuery()
  subjectId: number;

  @IdQuery()
  itemId: number;

  @ApiProperty({ example: '2026-03-01', description: '本条的事实发生日期（决定年度）' })
  @IsCalendarDate()
  factDate: string;
}

/** 信息公示 search (no login). */
export class PublicitySearchDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: EvaluationSubjectType })
  @IsOptional()
  @IsEnum(EvaluationSubjectType)
  subjectType?: EvaluationSubjectType;

  @TextSearchQuery('评价对象名称（包含）')
  search?: string;

  @OptionalIdQuery('行政区')
  districtId?: number;
}
