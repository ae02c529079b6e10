import { ApiPropertyOptional } from '@nestjs/swagger';
import { CampaignKind, DeliveryChannel, DeliveryStatus } from '@szpm/contract';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsEnum, IsInt, IsOptional, IsString, MaxLength, Min } from 'class-validator';
import { PageQueryDto } from '../../../common/http/pagination.dto';

const toBoolean = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

export class CampaignListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'only campaigns I sent (default: everything my scope may see — my district, or the city)' })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
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

  @ApiPropertyOptional({ description: 'with subjectType: the thing itself' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  subjectId?: number;
}

export class CampaignDeliveriesQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'true: only recipients who read it; false: only those who have not' })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  read?: boolean;

  @ApiPropertyOptional({ enum: DeliveryChannel, description: 'with status: filter on this channel' })
  @IsOptional()
  @IsEnum(DeliveryChannel)
  channel?: DeliveryChannel;

  @ApiPropertyOptional({ enum: DeliveryStatus, description: 'recipients whose delivery on `channel` (default WECHAT) has this status' })
  @IsOptional()
  @IsEnum(DeliveryStatus)
  status?: DeliveryStatus;

  @ApiPropertyOptional({ description: 'recipient name contains' })
  @IsOptional()
  @IsString()
  @MaxLength(32)
  q?: string;
}
