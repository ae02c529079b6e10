import { Page, Role, VoteDetail, VoteListItem, VoteState } from '@szpm/contract';
import { api } from '../../api';

/**
 * An owners' committee account holds no module grant: it reads its own areas' votes through the
 * convener routes (/owner-decisions/votes/convened), officers through the scoped ones. The pages load
 * once the account is known (useSession's me).
 */
type Reader = { role: Role };

export function loadVote(reader: Reader, id: number): Promise<VoteDetail> {
  return reader.role === Role.OWNERS_COMMITTEE ? api.ownerDecisions.convenedDetail(id) : api.ownerDecisions.detail(id);
}

export function listVotes(reader: Reader, query: { state?: VoteState; propertyAreaId?: number; page: number; pageSize: number }): Promise<Page<VoteListItem>> {
  return reader.role === Role.OWNERS_COMMITTEE ? api.ownerDecisions.convened(query) : api.ownerDecisions.list(query);
}
