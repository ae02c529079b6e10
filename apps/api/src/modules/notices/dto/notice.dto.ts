import { ApiProperty, ApiPropertyOptional, PickType } from '@nestjs/swagger';
import { NoticeAudience } from '@szpm/contract';
import { ArrayMaxSize, ArrayNotEmpty, ArrayUnique, IsArray, IsBoolean, IsEnum, IsInt, IsNotEmpty, IsOptional, IsString, MaxLength, Min } from 'class-validator';
import { PageQueryDto } from '../../../common/http/pagination.dto';
import { IsCalendarDate } from '../../../common/validation/calendar-date.validator';
import { OptionalBooleanQuery, OptionalIdQuery, TextSearchQuery } from '../../../common/validation/query-decorators';

const MAX_IDS = 5000;

/**
 * 发布通知. Without streetIds, communityIds and propertyAreaIds the notice goes to every property
 * area of the scope; with them, to the areas of those streets and communities plus the listed areas.
 */
export class PublishNoticeDto {
  @ApiProperty({ example: '关于开展2026年汛期安全隐患排查的通知' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(128)
  title: string;

  @ApiProperty({ description: '通知类型（GET /api/notices/types）' })
  @IsInt()
  @Min(1)
  noticeTypeId: number;

  @ApiProperty({ example: '请各物业服务项目于6月10日前完成地下车库防倒灌设施检查。' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(10000)
  content: string;

  @ApiProperty({ enum: NoticeAudience, isArray: true, description: '接收对象：项目经理、业委会主任；市局还可发给区局工作人员' })
  @IsArray()
  @ArrayNotEmpty()
  @ArrayUnique()
  @IsEnum(NoticeAudience, { each: true })
  audiences: NoticeAudience[];

  @ApiPropertyOptional({ type: [Number], description: '市局账号：发给这些行政区（不填：全市）；区局账号只能是本区' })
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @ArrayMaxSize(50)
  @IsInt({ each: true })
  @Min(1, { each: true })
  districtIds?: number[];

  @ApiPropertyOptional({ type: [Number], description: '按街道选择物业项目' })
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @ArrayMaxSize(MAX_IDS)
  @IsInt({ each: true })
  @Min(1, { each: true })
  streetIds?: number[];

  @ApiPropertyOptional({ type: [Number], description: '按社区选择物业项目' })
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @ArrayMaxSize(MAX_IDS)
  @IsInt({ each: true })
  @Min(1, { each: true })
  communityIds?: number[];

  @ApiPropertyOptional({ type: [Number], description: '指定物业项目' })
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @ArrayMaxSize(MAX_IDS)
  @IsInt({ each: true })
  @Min(1, { each: true })
  propertyAreaIds?: number[];

  @ApiPropertyOptional({ type: [Number], description: '附件（先 POST /api/attachments 上传）' })
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @ArrayMaxSize(20)
  @IsInt({ each: true })
  @Min(1, { each: true })
  attachmentIds?: number[];
}

/** 接收对象 and 发送范围 of a notice about to be published: asks how many it would reach. */
export class NoticeAudienceDto extends PickType(PublishNoticeDto, ['audiences', 'districtIds', 'streetIds', 'communityIds', 'propertyAreaIds'] as const) {}

export class SentNoticeQueryDto extends PageQueryDto {
  @OptionalBooleanQuery('显示催办：true 只列出催办消息')
  urgeOnly?: boolean;

  @OptionalBooleanQuery('true: 只列出我发出的')
  mine?: boolean;

  @OptionalIdQuery()
  noticeTypeId?: number;

  @TextSearchQuery('标题包含')
  search?: string;
}

export class NoticeRecipientQueryDto extends PageQueryDto {
  @OptionalBooleanQuery('true: 已读；false: 未读')
  read?: boolean;

  @ApiPropertyOptional({ enum: NoticeAudience })
  @IsOptional()
  @IsEnum(NoticeAudience)
  audience?: NoticeAudience;

  @TextSearchQuery('接收人姓名或单位包含', 32)
  search?: string;
}

/** 查看全部统计: the notices of the scope published within [from, to] (Shanghai days). */
export class NoticeStatisticsQueryDto {
  @OptionalIdQuery()
  noticeTypeId?: number;

  @ApiPropertyOptional({ example: '2026-01-01' })
  @IsOptional()
  @IsCalendarDate()
  from?: string;

  @ApiPropertyOptional({ example: '2026-12-31' })
  @IsOptional()
  @IsCalendarDate()
  to?: string;
}

export class NoticeRecipientStatsQueryDto extends PageQueryDto {
  @OptionalIdQuery()
  noticeTypeId?: number;

  @ApiPropertyOptional({ example: '2026-01-01' })
  @IsOptional()
  @IsCalendarDate()
  from?: string;

  @ApiPropertyOptional({ example: '2026-12-31' })
  @IsOptional()
  @IsCalendarDate()
  to?: string;

  @ApiPropertyOptional({ enum: NoticeAudience, description: '统计对象' })
  @IsOptional()
  @IsEnum(NoticeAudience)
  audience?: NoticeAudience;

  @TextSearchQuery('查看对象：姓名或单位包含', 32)
  search?: string;
}

export class ReceivedNoticeQueryDto extends PageQueryDto {
  @OptionalBooleanQuery('true: 只列出未读')
  unreadOnly?: boolean;
}

export class CreateNoticeTypeDto {
  @ApiProperty({ example: '防汛防台风' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(32)
  name: string;

  @ApiPropertyOptional({ default: 0 })
  @IsOptional()
  @IsInt()
  @Min(0)
  sortOrder?: number;
}

export class UpdateNoticeTypeDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(32)
  name?: string;

  @ApiPropertyOptional({ description: 'false: 停用（已发布的通知不受影响）' })
  @IsOptional()
  @IsBoolean()
  enabled?: boolean;

  @ApiPropertyOptional()
  @IsOptional()
  @IsInt()
  @Min(0)
  sortOrder?: number;
}

export class NoticeTypeQueryDto {
  @OptionalBooleanQuery('true: 也列出已停用的类型')
  includeDisabled?: boolean;
}
