import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** 不良信息情形: one circumstance of an item, with its level, points and publicity period. */
@Entity('evaluation_bad_record_circumstances')
@Index(['itemId', 'code'], { unique: true })
export class BadRecordCircumstance {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  itemId: number;

  @Column({ type: 'varchar', length: 32 })
  code: string;

  @Column({ type: 'varchar', length: 255 })
  description: string;

  /** 1 is the most serious level */
  @Column({ type: 'int' })
  level: number;

  /** points deducted from the subject's score */
  @Column({ type: 'int' })
  points: number;

  /** 公示期时长 in calendar months */
  @Column({ type: 'int' })
  publicityMonths: number;

  @Column({ type: 'boolean', default: true })
  enabled: boolean;

  @Column({ type: 'int', default: 0 })
  sortOrder: number;

  @CreateDateColumn()
  createdAt: Date;

  @UpdateDateColumn()
  updatedAt: Date;
}
