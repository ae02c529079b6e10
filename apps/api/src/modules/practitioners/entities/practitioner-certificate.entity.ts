import { CertificateType } from '@szpm/contract';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A certificate of a practitioner (type, number, 发证日期, 有效期至); the practitioner's district and street copied in. */
@Entity('practitioner_certificates')
@Index(['practitionerId'])
@Index(['districtId', 'expiresAt'])
// 证书即将到期: the practitioners with a certificate expiring in a window, from the index alone
@Index(['expiresAt', 'practitionerId'])
export class PractitionerCertificate {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  practitionerId: number;

  @Column({ type: 'int' })
  districtId: number;

  @Column({ type: 'int', nullable: true })
  streetId: number | null;

  @Column({ type: 'varchar', length: 32 })
  type: CertificateType;

  @Column({ type: 'varchar', length: 64 })
  certNo: string;

  /** YYYY-MM-DD */
  @Column({ type: 'varchar', length: 10 })
  issuedAt: string;

  /** YYYY-MM-DD */
  @Column({ type: 'varchar', length: 10 })
  expiresAt: string;

  @CreateDateColumn()
  createdAt: Date;
}
