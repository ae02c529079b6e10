import { OwnerVoteBallot } from './owner-vote-ballot.entity';
import { OwnerVoteTopic } from './owner-vote-topic.entity';
import { OwnerVote } from './owner-vote.entity';

export { OwnerVote, OwnerVoteBallot, OwnerVoteTopic };

export const OWNER_DECISION_ENTITIES = [OwnerVote, OwnerVoteTopic, OwnerVoteBallot];
