import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * Where each case about a property area lies (修改申请, 项目登记, 项目经理变更): the area, its street and
 * community, for the filters of 审批列表 / 查看申请记录, which the case itself does not carry (a
 * registration of a new area has no area until it is approved). `openAreaId` is the area while the
 * case runs and null once it is finished: its unique key with the form type admits one open case
 * per area and form type.
 */
@Entity('property_area_cases')
@Index('IDX_property_area_cases_district', ['districtId', 'formType'])
@Index('IDX_property_area_cases_area', ['propertyAreaId'])
@Index('UQ_property_area_cases_open', ['formType', 'openAreaId'], { unique: true })
export class PropertyAreaCase {
  /** workflow_cases.id */
  @PrimaryColumn({ type: 'int' })
  caseId: number;

  @Column({ type: 'varchar', length: 64 })
  formType: string;

  @Column({ type: 'int', nullable: true })
  propertyAreaId: number | null;

  @Column({ type: 'int' })
  districtId: number;

  @Column({ type: 'int', nullable: true })
  streetId: number | null;

  @Column({ type: 'int', nullable: true })
  communityId: number | null;

  @Column({ type: 'varchar', length: 128 })
  areaName: string;

  @Column({ type: 'int', nullable: true })
  openAreaId: number | null;
}
