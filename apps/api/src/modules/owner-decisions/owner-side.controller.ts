import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { OwnerVoteView, VoteListItem } from '@szpm/contract';
import { Audited } from '../../access/access.decorators';
import { ParseIdPipe } from '../../common/http/parse-id.pipe';
import { CurrentOwner, OwnerEndpoint, OwnerPrincipal } from '../owners/owner-session';
import { CastBallotDto } from './dto/owner-decision.dto';
import { OwnerVotesService } from './owner-votes.service';

@ApiTags('owner (业主端：业主决策)')
@Controller('owner/votes')
export class OwnerSideVotesController {
  constructor(private readonly votes: OwnerVotesService) {}

  @OwnerEndpoint()
  @Get()
  @ApiOperation({ summary: '我的投票：已绑定房屋所在小区、且房屋在投票范围内的投票' })
  list(@CurrentOwner() owner: OwnerPrincipal): Promise<VoteListItem[]> {
    return this.votes.list(owner.identityId);
  }

  @OwnerEndpoint()
  @Get(':id')
  @ApiOperation({ summary: '投票详情：议题、我的房屋的表决意见；询异起附表决结果' })
  detail(@CurrentOwner() owner: OwnerPrincipal, @Param('id', ParseIdPipe) id: number): Promise<OwnerVoteView> {
    return this.votes.detail(owner.identityId, id);
  }

  @OwnerEndpoint()
  @Post(':id/ballots')
  @HttpCode(200)
  @Audited('owner-decisions.ballot', 'owner-vote')
  @ApiOperation({ summary: '电子投票：已绑定且在投票范围内的房屋，表决期内每户每个议题一次（电子投票优先于纸质选票）' })
  cast(@CurrentOwner() owner: OwnerPrincipal, @Param('id', ParseIdPipe) id: number, @Body() body: CastBallotDto): Promise<OwnerVoteView> {
    return this.votes.cast(owner.identityId, id, body);
  }
}
