import { EvaluationSubjectType } from '@szpm/contract';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** 良好信息: created when its determination form is approved; adds the item's points (up to the cap). */
@Entity('evaluation_good_records')
@Index(['subjectType', 'subjectId', 'awardDate'])
@Index(['districtId', 'awardDate'])
export class GoodRecord {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 16 })
  subjectType: EvaluationSubjectType;

  @Column({ type: 'int' })
  subjectId: number;

  @Index()
  @Column({ type: 'varchar', length: 128 })
  subjectName: string;

  @Column({ type: 'int' })
  districtId: number;

  @Column({ type: 'int' })
  itemId: number;

  @Column({ type: 'varchar', length: 128 })
  itemName: string;

  @Column({ type: 'int' })
  points: number;

  /** 表彰日期 (Shanghai day): decides the scoring cycle */
  @Column({ type: 'varchar', length: 10 })
  awardDate: string;

  @Column({ type: 'varchar', length: 64 })
  documentNo: string;

  @Column({ type: 'text' })
  description: string;

  @Column({ type: 'int' })
  determinationCaseId: number;

  @CreateDateColumn()
  createdAt: Date;
}
