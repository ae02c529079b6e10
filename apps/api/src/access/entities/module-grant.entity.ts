import { GrantAction, ModuleKey } from '@szpm/contract';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** One permission an account holds: an action on a module (chapter). */
@Entity('module_grants')
@Index(['accountId', 'module', 'action'], { unique: true })
export class ModuleGrant {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  accountId: number;

  @Column({ type: 'varchar', length: 32 })
  module: ModuleKey;

  @Column({ type: 'varchar', length: 16 })
  action: GrantAction;

  @Column({ type: 'int', nullable: true })
  grantedById: number | null;

  @CreateDateColumn()
  createdAt: Date;
}
