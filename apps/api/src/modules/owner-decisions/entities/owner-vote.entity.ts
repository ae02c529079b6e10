import { VoteConvener, VoteMeetingType, VoteScope, VoteState } from '@szpm/contract';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** 业主投票: one 业主大会会议 / 表决 of a property area, with its topics (OwnerVoteTopic) and ballots. */
@Entity('owner_votes')
@Index(['districtId', 'streetId', 'state'])
@Index(['state', 'beginAt'])
@Index(['state', 'endAt'])
export class OwnerVote {
  @PrimaryGeneratedColumn()
  id: number;

  /** 投票编号 */
  @Index({ unique: true })
  @Column({ type: 'varchar', length: 32 })
  voteNo: string;

  @Index()
  @Column({ type: 'int' })
  propertyAreaId: number;

  @Column({ type: 'int' })
  districtId: number;

  @Column({ type: 'int' })
  streetId: number;

  @Column({ type: 'int' })
  communityId: number;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Column({ type: 'varchar', length: 16 })
  meetingType: VoteMeetingType;

  @Column({ type: 'varchar', length: 24 })
  convener: VoteConvener;

  @Column({ type: 'varchar', length: 16 })
  scope: VoteScope;

  /** the buildings of a BUILDINGS scope (empty for AREA): a handful per vote, read with the vote */
  @Column({ type: 'simple-json' })
  buildingIds: number[];

  @Column({ type: 'datetime' })
  beginAt: Date;

  @Column({ type: 'datetime' })
  endAt: Date;

  @Column({ type: 'varchar', length: 16 })
  state: VoteState;

  /** 延期: at most once, while voting */
  @Column({ type: 'boolean', default: false })
  delayed: boolean;

  @Column({ type: 'varchar', length: 500, nullable: true })
  delayReason: string | null;

  @Column({ type: 'datetime', nullable: true })
  oldEndAt: Date | null;

  /** set when voting ends: 询异 lasts the publicity period from here */
  @Column({ type: 'datetime', nullable: true })
  publicityAt: Date | null;

  @Column({ type: 'int' })
  createdById: number;

  @Column({ type: 'int', nullable: true })
  checkedById: number | null;

  @Column({ type: 'datetime', nullable: true })
  checkedAt: Date | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  checkNote: string | null;

  /** 总面积 of the scope in hundredths of a square metre (a decimal string: bigint-safe on both dialects), frozen when voting opens */
  @Column({ type: 'varchar', length: 24, nullable: true })
  totalAreaHundredths: string | null;

  /** 总人数 of the scope, frozen when voting opens */
  @Column({ type: 'int', nullable: true })
  totalPersons: number | null;

  /**
   * 参与率 of the meeting when counted (询异), in basis points of the total area and persons: the
   * highest of its topics' (an owner who ballots on any topic took part). Kept so that 会议统计's mean
   * participation is a sum like its other numbers.
   */
  @Column({ type: 'int', nullable: true })
  participationAreaBp: number | null;

  @Column({ type: 'int', nullable: true })
  participationPersonsBp: number | null;

  @CreateDateColumn()
  createdAt: Date;

  @UpdateDateColumn()
  updatedAt: Date;
}
