import { DecisionCategory } from '@szpm/contract';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** 表决议题: one topic of a vote; its result columns are filled when voting ends (询异). */
@Entity('owner_vote_topics')
@Index(['voteId', 'seq'], { unique: true })
export class OwnerVoteTopic {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  voteId: number;

  @Column({ type: 'int' })
  seq: number;

  @Column({ type: 'varchar', length: 1000 })
  content: string;

  @Column({ type: 'varchar', length: 24 })
  category: DecisionCategory;

  @Column({ type: 'boolean', nullable: true })
  quorumReached: boolean | null;

  @Column({ type: 'boolean', nullable: true })
  passed: boolean | null;

  /** hundredths of a square metre, decimal strings (bigint-safe) */
  @Column({ type: 'varchar', length: 24, nullable: true })
  participatingAreaHundredths: string | null;

  @Column({ type: 'int', nullable: true })
  participatingPersons: number | null;

  @Column({ type: 'varchar', length: 24, nullable: true })
  agreeAreaHundredths: string | null;

  @Column({ type: 'int', nullable: true })
  agreePersons: number | null;
}
