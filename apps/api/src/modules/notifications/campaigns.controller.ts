import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CampaignDetail, CampaignListItem, CampaignRecipientItem, CITY_ROLES, DISTRICT_ROLES, Page } from '@szpm/contract';
import { CurrentActor, RequireRoles } from '../../access/access.decorators';
import { Actor } from '../../access/actor';
import { ParseIdPipe } from '../../common/http/parse-id.pipe';
import { CampaignsService } from './campaigns.service';
import { CampaignDeliveriesQueryDto, CampaignListQueryDto } from './dto/campaign-query.dto';

@ApiTags('notifications (已发消息)')
@ApiBearerAuth()
@Controller('notifications/campaigns')
@RequireRoles(...CITY_ROLES, ...DISTRICT_ROLES)
export class CampaignsController {
  constructor(private readonly campaigns: CampaignsService) {}

  @Get()
  @ApiOperation({ summary: 'Messages sent by me or by my district (the city for city accounts), newest first, with read counts' })
  list(@CurrentActor() actor: Actor, @Query() query: CampaignListQueryDto): Promise<Page<CampaignListItem>> {
    return this.campaigns.list(actor, query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One sent message: read / unread and delivery counts per channel and status' })
  detail(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe) id: number): Promise<CampaignDetail> {
    return this.campaigns.detail(actor, id);
  }

  @Get(':id/deliveries')
  @ApiOperation({ summary: 'Per recipient: read state and each channel’s delivery status (errcode when refused)' })
  deliveries(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe) id: number, @Query() query: CampaignDeliveriesQueryDto): Promise<Page<CampaignRecipientItem>> {
    return this.campaigns.recipients(actor, id, query);
  }
}
