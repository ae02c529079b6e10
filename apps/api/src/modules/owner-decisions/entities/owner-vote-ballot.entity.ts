import { BallotSource, VoteChoice } from '@szpm/contract';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** One house's choice on one topic: one row per house and topic (the unique index settles two at once). */
@Entity('owner_vote_ballots')
@Index(['topicId', 'houseId'], { unique: true })
@Index(['voteId', 'houseId'])
export class OwnerVoteBallot {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  voteId: number;

  @Column({ type: 'int' })
  topicId: number;

  @Column({ type: 'int' })
  houseId: number;

  @Column({ type: 'varchar', length: 16 })
  choice: VoteChoice;

  @Column({ type: 'varchar', length: 16 })
  source: BallotSource;

  /** the owner identity of an electronic ballot */
  @Column({ type: 'int', nullable: true })
  identityId: number | null;

  /** the convener account that entered a paper ballot */
  @Column({ type: 'int', nullable: true })
  enteredById: number | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  paperNo: string | null;

  @Column({ type: 'datetime' })
  votedAt: Date;
}
