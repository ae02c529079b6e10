import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * 业主身份绑定: a WeChat identity proved to be the registered owner of a house (name + ID number or
 * 不动产单元号 + the registered phone's SMS code). The ID number is kept only as a keyed hash (to
 * recognise the same person again) and masked for display.
 */
@Entity('owner_house_bindings')
@Index(['identityId', 'houseId'], { unique: true })
@Index(['propertyAreaId'])
export class OwnerHouseBinding {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  identityId: number;

  @Index()
  @Column({ type: 'int' })
  houseId: number;

  /** the owners row matched */
  @Column({ type: 'int' })
  ownerId: number;

  @Column({ type: 'int' })
  propertyAreaId: number;

  @Index()
  @Column({ type: 'int' })
  districtId: number;

  @Column({ type: 'int' })
  streetId: number;

  @Column({ type: 'varchar', length: 32 })
  ownerName: string;

  /** HMAC-SHA256 of the normalised ID number (OWNER_ID_HASH_SECRET) */
  @Column({ type: 'varchar', length: 64 })
  idNumberHash: string;

  @Column({ type: 'varchar', length: 18 })
  idNumberMasked: string;

  @CreateDateColumn()
  boundAt: Date;
}
