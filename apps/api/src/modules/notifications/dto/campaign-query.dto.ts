import { ApiPropertyOptional } from '@nestjs/swagger';
import { CampaignKind, DeliveryChannel, DeliveryStatus } from '@szpm/contract';
import { IsEnum, IsOptional, IsString, MaxLength } from 'class-validator';
import { PageQueryDto } from '../../../common/http/pagination.dto';
import { OptionalBooleanQuery, OptionalIdQuery, TextSearchQuery } from '../../../common/validation/query-decorators';

export class CampaignListQueryDto extends PageQueryDto {
  @OptionalBooleanQuery('only campaigns I sent (default: everything my scope may see — my district, or the city)')
  mine?: boolean;

  @ApiPropertyOptional({ enum: CampaignKind, description: 'e.g. URGE for 显示催办' })
  @IsOptional()
  @IsEnum(CampaignKind)
  kind?: CampaignKind;

  @ApiPropertyOptional({ description: 'the kind of thing the campaigns are about, e.g. notice' })
  @IsOptional()
  @IsString()
  @MaxLength(32)
  subjectType?: string;

  @OptionalIdQuery('with subjectType: the thing itself')
  subjectId?: number;
}

export class CampaignDeliveriesQueryDto extends PageQueryDto {
  @OptionalBooleanQuery('true: only recipients who read it; false: only those who have not')
  read?: boolean;

  @ApiPropertyOptional({ enum: DeliveryChannel, description: 'with status: filter on this channel' })
  @IsOptional()
  @IsEnum(DeliveryChannel)
  channel?: DeliveryChannel;

  @ApiPropertyOptional({ enum: DeliveryStatus, description: 'recipients whose delivery on `channel` (default WECHAT) has this status' })
  @IsOptional()
  @IsEnum(DeliveryStatus)
  status?: DeliveryStatus;

  @TextSearchQuery('recipient name contains', 32)
  search?: string;
}
