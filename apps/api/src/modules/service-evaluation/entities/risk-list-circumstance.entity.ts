import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** 风险名单情形: one circumstance of a risk-list item and its publicity period. */
@Entity('evaluation_risk_list_circumstances')
@Index(['itemId', 'code'], { unique: true })
export class RiskListCircumstance {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  itemId: number;

  @Column({ type: 'varchar', length: 32 })
  code: string;

  @Column({ type: 'varchar', length: 255 })
  description: string;

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
