import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** 问题分类: the catalogue of dispute categories, each with its default 办理时限 in working days. */
@Entity('dispute_categories')
export class DisputeCategory {
  @PrimaryGeneratedColumn()
  id: number;

  @Index({ unique: true })
  @Column({ type: 'varchar', length: 64 })
  name: string;

  @Column({ type: 'int' })
  timeLimitWorkingDays: number;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  @Column({ type: 'int', default: 0 })
  sortOrder: number;
}
