import { ApiProperty, ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import {
  BallotChoiceInput,
  CastBallotRequest,
  CheckVoteRequest,
  CreateVoteRequest,
  DecisionCategory,
  ExtendVoteRequest,
  PaperBallotRow,
  PaperBallotsRequest,
  UpdateVoteRequest,
  VoteChoice,
  VoteConvener,
  VoteMeetingCounter,
  VoteMeetingType,
  VoteScope,
  VoteState,
  VoteTopicCounter,
  VoteTopicInput,
  VoteUsageCounter,
} from '@szpm/contract';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsEnum, IsInt, IsISO8601, IsNotEmpty, IsOptional, IsString, MaxLength, Min, ValidateNested } from 'class-validator';
import { PageQueryDto } from '../../../common/http/pagination.dto';
import { IntegerQuery, OptionalIdQuery } from '../../../common/validation/query-decorators';
import { Trimmed } from '../../../common/validation/trimmed';

const TIME_MESSAGE = '时间格式为ISO 8601（如 2026-03-01T09:00:00+08:00）';

export class VoteTopicDto implements VoteTopicInput {
  @ApiProperty({ description: '议题内容' })
  @Trimmed()
  @IsString()
  @IsNotEmpty({ message: '议题内容不能为空' })
  @MaxLength(1000)
  content: string;

  @ApiProperty({ enum: DecisionCategory, description: '议题类别（决定通过门槛）' })
  @IsEnum(DecisionCategory, { message: '议题类别无法识别' })
  category: DecisionCategory;
}

export class UpdateVoteDto implements UpdateVoteRequest {
  @ApiProperty({ description: '议题（标题）' })
  @Trimmed()
  @IsString()
  @IsNotEmpty({ message: '标题不能为空' })
  @MaxLength(200)
  title: string;

  @ApiProperty({ enum: VoteMeetingType })
  @IsEnum(VoteMeetingType, { message: '会议类型无法识别' })
  meetingType: VoteMeetingType;

  @ApiProperty({ enum: VoteConvener })
  @IsEnum(VoteConvener, { message: '召集人无法识别' })
  convener: VoteConvener;

  @ApiProperty({ enum: VoteScope })
  @IsEnum(VoteScope, { message: '投票范围无法识别' })
  scope: VoteScope;

  @ApiPropertyOptional({ type: [Number], description: '投票范围为部分楼栋时的楼栋' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(500)
  @IsInt({ each: true })
  @Min(1, { each: true })
  buildingIds?: number[];

  @ApiProperty({ description: '开始时间' })
  @IsISO8601({ strict: true }, { message: TIME_MESSAGE })
  beginAt: string;

  @ApiProperty({ description: '结束时间' })
  @IsISO8601({ strict: true }, { message: TIME_MESSAGE })
  endAt: string;

  @ApiProperty({ type: [VoteTopicDto] })
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => VoteTopicDto)
  topics: VoteTopicDto[];
}

export class CreateVoteDto extends UpdateVoteDto implements CreateVoteRequest {
  @ApiProperty({ description: '物业区域（小区）' })
  @IsInt()
  @Min(1)
  propertyAreaId: number;
}

export class CheckVoteDto implements CheckVoteRequest {
  @ApiProperty({ description: 'true 核实通过（发布），false 退回' })
  @IsBoolean()
  approve: boolean;

  @ApiPropertyOptional({ description: '核实意见（退回时必填）' })
  @IsOptional()
  @Trimmed()
  @IsString()
  @MaxLength(500)
  note?: string;
}

export class ExtendVoteDto implements ExtendVoteRequest {
  @ApiProperty({ description: '延期后的结束时间' })
  @IsISO8601({ strict: true }, { message: TIME_MESSAGE })
  endAt: string;

  @ApiProperty({ description: '延期原因' })
  @Trimmed()
  @IsString()
  @IsNotEmpty({ message: '请填写延期原因' })
  @MaxLength(500)
  reason: string;
}

export class BallotChoiceDto implements BallotChoiceInput {
  @ApiProperty()
  @IsInt()
  @Min(1)
  topicId: number;

  @ApiProperty({ enum: VoteChoice })
  @IsEnum(VoteChoice, { message: '表决意见无法识别' })
  choice: VoteChoice;
}

export class CastBallotDto implements CastBallotRequest {
  @ApiProperty()
  @IsInt()
  @Min(1)
  houseId: number;

  @ApiProperty({ type: [BallotChoiceDto] })
  @IsArray()
  @ArrayMinSize(1, { message: '请至少对一个议题表决' })
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => BallotChoiceDto)
  choices: BallotChoiceDto[];
}

export class PaperBallotRowDto extends CastBallotDto implements PaperBallotRow {
  @ApiProperty({ description: '纸质选票编号' })
  @Trimmed()
  @IsString()
  @IsNotEmpty({ message: '请填写纸质选票编号' })
  @MaxLength(64)
  paperNo: string;
}

export class PaperBallotsDto implements PaperBallotsRequest {
  @ApiProperty({ type: [PaperBallotRowDto] })
  @IsArray()
  @ArrayMinSize(1, { message: '请至少录入一张选票' })
  @ArrayMaxSize(2000)
  @ValidateNested({ each: true })
  @Type(() => PaperBallotRowDto)
  rows: PaperBallotRowDto[];
}

export class VoteListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: VoteState })
  @IsOptional()
  @IsEnum(VoteState, { message: '状态无法识别' })
  state?: VoteState;

  @ApiPropertyOptional({ enum: DecisionCategory, description: '含该类别议题的投票' })
  @IsOptional()
  @IsEnum(DecisionCategory, { message: '议题类别无法识别' })
  category?: DecisionCategory;

  @OptionalIdQuery('物业区域')
  propertyAreaId?: number;
}

/** The region filter of 会议统计 and 表决议题统计, and the year of the votes' begin. */
class VoteStatsQueryDto {
  @OptionalIdQuery('行政区')
  districtId?: number;

  @OptionalIdQuery('街道')
  streetId?: number;

  @OptionalIdQuery('社区')
  communityId?: number;

  @IntegerQuery({ min: 2000, max: 2100, description: '年份（按开始时间；会议、议题统计不填为全部，使用情况不填为本年）' })
  year?: number;
}

export class VoteMeetingStatsQueryDto extends VoteStatsQueryDto {
  @ApiPropertyOptional({ enum: VoteMeetingType })
  @IsOptional()
  @IsEnum(VoteMeetingType, { message: '会议类型无法识别' })
  meetingType?: VoteMeetingType;
}

export class VoteTopicStatsQueryDto extends VoteStatsQueryDto {
  @ApiPropertyOptional({ enum: DecisionCategory })
  @IsOptional()
  @IsEnum(DecisionCategory, { message: '议题类别无法识别' })
  category?: DecisionCategory;
}

export class VoteUsageStatsQueryDto extends VoteStatsQueryDto {}

export class VoteMeetingCellQueryDto extends IntersectionType(VoteMeetingStatsQueryDto, PageQueryDto) {
  @OptionalIdQuery('表中一行的区域（不填为合计行）')
  regionId?: number;

  @ApiProperty({ enum: VoteMeetingCounter })
  @IsEnum(VoteMeetingCounter, { message: '统计项无法识别' })
  counter: VoteMeetingCounter;
}

export class VoteTopicCellQueryDto extends IntersectionType(VoteTopicStatsQueryDto, PageQueryDto) {
  @OptionalIdQuery('表中一行的区域（不填为合计行）')
  regionId?: number;

  @ApiProperty({ enum: VoteTopicCounter })
  @IsEnum(VoteTopicCounter, { message: '统计项无法识别' })
  counter: VoteTopicCounter;
}

export class VoteUsageCellQueryDto extends IntersectionType(VoteUsageStatsQueryDto, PageQueryDto) {
  @OptionalIdQuery('表中一行的区域（不填为合计行）')
  regionId?: number;

  @ApiProperty({ enum: VoteUsageCounter })
  @IsEnum(VoteUsageCounter, { message: '统计项无法识别' })
  counter: VoteUsageCounter;
}
