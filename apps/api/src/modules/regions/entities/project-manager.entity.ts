import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** 项目负责人 / 项目经理: an evaluated subject; runs one or more property areas for a company. */
@Entity('project_managers')
export class ProjectManager {
  @PrimaryGeneratedColumn()
  id: number;

  @Index()
  @Column({ type: 'varchar', length: 32 })
  name: string;

  @Column({ type: 'varchar', length: 18 })
  idNumber: string;

  @Column({ type: 'varchar', length: 20 })
  phone: string;

  @Index()
  @Column({ type: 'int' })
  companyId: number;

  /** the district of the areas the manager runs (the district that evaluates them) */
  @Index()
  @Column({ type: 'int' })
  districtId: number;

  @Column({ type: 'varchar', length: 32 })
  certificateNo: string;

  @CreateDateColumn()
  createdAt: Date;
}
