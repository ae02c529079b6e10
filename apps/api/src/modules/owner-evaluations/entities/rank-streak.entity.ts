import { RankingSubject } from '@szpm/contract';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * 连续六个月排名前十 / 倒十: a subject in the city's top (or bottom) N of the ranking in every one of
 * N running months — a good (bad) record in 信用信息, naming the months and ranks that made it.
 * One row per run: the monthly job writes it once (unique), and a run already recorded is not
 * recorded again until it has a whole new set of months.
 */
@Entity('owner_evaluation_rank_streaks')
@Index(['subject', 'subjectId', 'direction', 'toMonth'], { unique: true })
export class RankStreak {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 16 })
  subject: RankingSubject;

  /** the area (projects, committees) or the company */
  @Column({ type: 'int' })
  subjectId: number;

  @Column({ type: 'varchar', length: 128 })
  subjectName: string;

  /** TOP: 前十 (good); BOTTOM: 倒十 (bad) */
  @Column({ type: 'varchar', length: 8 })
  direction: 'TOP' | 'BOTTOM';

  @Column({ type: 'varchar', length: 7 })
  fromMonth: string;

  @Column({ type: 'varchar', length: 7 })
  toMonth: string;

  /** "2026-01:3,2026-02:1,…": the month and the rank that month */
  @Column({ type: 'varchar', length: 255 })
  ranks: string;

  /** whose credit information shows it: the company (company and project rankings) */
  @Index()
  @Column({ type: 'int', nullable: true })
  companyId: number | null;

  /** the project's manager at the time (project ranking) */
  @Index()
  @Column({ type: 'int', nullable: true })
  projectManagerId: number | null;

  /** the committee chair (owner_office_holders) at the time (committee ranking) */
  @Index()
  @Column({ type: 'int', nullable: true })
  chairHolderId: number | null;

  @Column({ type: 'int' })
  districtId: number;

  @CreateDateColumn()
  createdAt: Date;
}
