import { ApiProperty, ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import {
  EVALUATION_MONTH_PATTERN,
  EvaluationAnswerInput,
  EvaluationCounter,
  EvaluationTarget,
  RankingSubject,
  ReplyEvaluationRequest,
  STAR_MAX,
  STAR_MIN,
  SubmitOwnerEvaluationRequest,
  UrgeEvaluationRequest,
} from '@szpm/contract';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsEnum, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { PageQueryDto } from '../../../common/http/pagination.dto';
import { IdQuery, IntegerQuery, OptionalIdQuery } from '../../../common/validation/query-decorators';
import { Trimmed } from '../../../common/validation/trimmed';

const MONTH_MESSAGE = '月份格式为YYYY-MM';

export class EvaluationAnswerDto implements EvaluationAnswerInput {
  @ApiProperty()
  @IsInt()
  @Min(1)
  itemId: number;

  @ApiProperty({ minimum: STAR_MIN, maximum: STAR_MAX })
  @IsInt({ message: '星级须为1至5的整数' })
  @Min(STAR_MIN, { message: '星级须为1至5的整数' })
  @Max(STAR_MAX, { message: '星级须为1至5的整数' })
  star: number;

  @ApiPropertyOptional({ type: [Number], description: '不满意原因（三星及以下必选其一或填写其他）' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsInt({ each: true })
  reasonIds?: number[];

  @ApiPropertyOptional({ description: '其他原因' })
  @IsOptional()
  @Trimmed()
  @IsString()
  @MaxLength(200)
  otherReason?: string;
}

export class SubmitOwnerEvaluationDto implements SubmitOwnerEvaluationRequest {
  @ApiProperty()
  @IsInt()
  @Min(1)
  houseId: number;

  @ApiProperty({ enum: EvaluationTarget })
  @IsEnum(EvaluationTarget)
  target: EvaluationTarget;

  @ApiProperty({ type: [EvaluationAnswerDto] })
  @IsArray()
  @ArrayMinSize(1, { message: '请对评价项打分' })
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => EvaluationAnswerDto)
  answers: EvaluationAnswerDto[];

  @ApiPropertyOptional({ description: '评价内容' })
  @IsOptional()
  @Trimmed()
  @IsString()
  @MaxLength(500)
  comment?: string;

  @ApiPropertyOptional({ description: '对物业服务企业匿名' })
  @IsOptional()
  @IsBoolean()
  anonymous?: boolean;
}

export class OwnerEvaluationFormQueryDto {
  @IdQuery('房屋')
  houseId: number;

  @ApiProperty({ enum: EvaluationTarget })
  @IsEnum(EvaluationTarget)
  target: EvaluationTarget;
}

export class ReplyEvaluationDto implements ReplyEvaluationRequest {
  @ApiProperty({ description: '回复内容' })
  @Trimmed()
  @IsString()
  @IsNotEmpty({ message: '请填写回复内容' })
  @MaxLength(500)
  content: string;
}

export class ReplyListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: ['UNREPLIED', 'REPLIED', 'ALL'], description: '默认待回复' })
  @IsOptional()
  @IsIn(['UNREPLIED', 'REPLIED', 'ALL'])
  status?: 'UNREPLIED' | 'REPLIED' | 'ALL';

  @ApiPropertyOptional({ description: '统计月份 YYYY-MM' })
  @IsOptional()
  @Matches(EVALUATION_MONTH_PATTERN, { message: MONTH_MESSAGE })
  month?: string;
}

export class RankingQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: '月份 YYYY-MM（默认上月）' })
  @IsOptional()
  @Matches(EVALUATION_MONTH_PATTERN, { message: MONTH_MESSAGE })
  month?: string;

  @ApiProperty({ enum: RankingSubject })
  @IsEnum(RankingSubject)
  subject: RankingSubject;

  @ApiPropertyOptional({ enum: ['desc', 'asc'], description: 'desc：从高到低（默认）；asc：从低到高（倒数）' })
  @IsOptional()
  @IsIn(['desc', 'asc'])
  order?: 'desc' | 'asc';
}

/** The period and region of 评价统计: a month, or a whole year when month is absent. */
export class EvaluationStatsQueryDto {
  @OptionalIdQuery('行政区')
  districtId?: number;

  @OptionalIdQuery('街道')
  streetId?: number;

  @OptionalIdQuery('社区')
  communityId?: number;

  @ApiProperty({ enum: EvaluationTarget })
  @IsEnum(EvaluationTarget)
  target: EvaluationTarget;

  @IntegerQuery({ min: 2000, max: 2100, description: '年份（默认本年）' })
  year?: number;

  @IntegerQuery({ min: 1, max: 12, description: '月份 1–12；不填为全年' })
  month?: number;
}

export class EvaluationStatsCellQueryDto extends IntersectionType(EvaluationStatsQueryDto, PageQueryDto) {
  @OptionalIdQuery('表中一行的区域（不填为合计行）')
  regionId?: number;

  @ApiProperty({ enum: EvaluationCounter })
  @IsEnum(EvaluationCounter)
  counter: EvaluationCounter;
}

/** 评价明细 of one subject (a name tapped): an area, a company or a committee's area. */
export class EvaluationRecordsQueryDto extends PageQueryDto {
  @ApiProperty({ enum: EvaluationTarget })
  @IsEnum(EvaluationTarget)
  target: EvaluationTarget;

  @OptionalIdQuery('物业项目（物业区域）')
  propertyAreaId?: number;

  @OptionalIdQuery('物业企业')
  companyId?: number;

  @IntegerQuery({ min: 2000, max: 2100, description: '年份（默认本年）' })
  year?: number;

  @IntegerQuery({ min: 1, max: 12, description: '月份 1–12；不填为全年' })
  month?: number;

  @IntegerQuery({ min: 1, max: 5, description: '只看该星级的记录' })
  stars?: number;
}

export class UrgeEvaluationDto implements UrgeEvaluationRequest {
  @ApiProperty({ description: '催办标题' })
  @Trimmed()
  @IsString()
  @IsNotEmpty({ message: '请填写催办标题' })
  @MaxLength(64)
  title: string;

  @ApiProperty({ description: '催办内容' })
  @Trimmed()
  @IsString()
  @IsNotEmpty({ message: '请填写催办内容' })
  @MaxLength(500)
  content: string;

  @ApiProperty({ description: '月份 YYYY-MM' })
  @Matches(EVALUATION_MONTH_PATTERN, { message: MONTH_MESSAGE })
  month: string;

  @ApiProperty({ enum: EvaluationTarget })
  @IsEnum(EvaluationTarget)
  target: EvaluationTarget;

  @ApiPropertyOptional()
  @IsOptional()
  @IsInt()
  @Min(1)
  districtId?: number;

  @ApiPropertyOptional()
  @IsOptional()
  @IsInt()
  @Min(1)
  streetId?: number;

  @ApiPropertyOptional()
  @IsOptional()
  @IsInt()
  @Min(1)
  communityId?: number;
}

export class RankStreakRunDto {
  @ApiProperty({ description: '截止月份 YYYY-MM（该月及之前连续月份）' })
  @Matches(EVALUATION_MONTH_PATTERN, { message: MONTH_MESSAGE })
  month: string;
}
