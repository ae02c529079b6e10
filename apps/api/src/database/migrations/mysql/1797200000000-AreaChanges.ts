import { MigrationInterface, QueryRunner } from 'typeorm';

/** The field catalogue of 编辑 (seeded with the domain notes' defaults) and the area cases of 修改申请 / 项目登记 / 项目经理变更. */
const DEFAULT_FIELD_RULES: Array<[string, string, string, number, number, number]> = [
  ['name', '物业区域名称', 'CORE', 1, 1, 10],
  ['address', '地址', 'CORE', 1, 1, 20],
  ['landNumber', '宗地号', 'CORE', 1, 1, 30],
  ['location', '坐落', 'CORE', 1, 1, 40],
  ['externalCode', '外部编码（维修资金系统）', 'CORE', 0, 0, 50],
  ['communityId', '所属社区', 'CORE', 1, 1, 60],
  ['companyId', '物业服务企业', 'CORE', 1, 1, 70],
  ['developerId', '开发建设单位', 'CORE', 1, 1, 80],
  ['ownersCommitteeId', '业主委员会', 'CORE', 1, 1, 90],
  ['selfManaged', '是否自管', 'CORE', 1, 1, 100],
  ['otherCityProject', '是否外市项目', 'CORE', 1, 1, 110],
  ['floorArea', '建筑面积', 'CORE', 1, 1, 120],
  ['houseCount', '房屋套数', 'CORE', 1, 1, 130],
  ['longitude', '中心点经度', 'CORE', 1, 1, 140],
  ['latitude', '中心点纬度', 'CORE', 1, 1, 150],
  ['boundaryGeoJson', '边界（坐标图层）', 'CORE', 1, 1, 160],
  ['layer', '坐标图层名称', 'CORE', 1, 1, 170],
  ['remarks', '备注', 'CORE', 1, 0, 180],
  ['areaType', '物业类型', 'PROFILE', 1, 1, 190],
  ['serviceType', '服务类型', 'PROFILE', 1, 1, 200],
  ['contractType', '合同类型', 'PROFILE', 1, 1, 210],
  ['contractStart', '合同开始日期', 'PROFILE', 1, 1, 220],
  ['contractEnd', '合同结束日期', 'PROFILE', 1, 1, 230],
  ['servicePrice', '物业服务费单价', 'PROFILE', 1, 1, 240],
  ['collectionRate', '物业费收缴率', 'PROFILE', 1, 1, 250],
  ['totalHouseholds', '总户数', 'PROFILE', 1, 1, 260],
  ['ownerCount', '业主总数', 'PROFILE', 1, 1, 270],
  ['occupiedHouseholds', '已入住户数', 'PROFILE', 1, 1, 280],
  ['handoverDate', '入伙日期', 'PROFILE', 1, 1, 290],
  ['buildArea', '总建筑面积', 'PROFILE', 1, 1, 300],
  ['serviceArea', '物业服务面积', 'PROFILE', 1, 1, 310],
  ['siteArea', '占地面积', 'PROFILE', 1, 1, 320],
  ['greenArea', '绿化面积', 'PROFILE', 1, 1, 330],
  ['parkingArea', '停车场面积', 'PROFILE', 1, 1, 340],
  ['publicFacilityArea', '公共设施面积', 'PROFILE', 1, 1, 350],
  ['multiStoreyArea', '多层面积', 'PROFILE', 1, 1, 360],
  ['highRiseArea', '高层面积', 'PROFILE', 1, 1, 370],
  ['villaArea', '独立别墅面积', 'PROFILE', 1, 1, 380],
  ['officeArea', '办公面积', 'PROFILE', 1, 1, 390],
  ['commerceArea', '商业面积', 'PROFILE', 1, 1, 400],
  ['industrialArea', '工业面积', 'PROFILE', 1, 1, 410],
  ['municipalArea', '市政面积', 'PROFILE', 1, 1, 420],
  ['otherArea', '其他面积', 'PROFILE', 1, 1, 430],
  ['averagePrice', '均价', 'PROFILE', 1, 1, 440],
  ['boundEast', '四至（东）', 'PROFILE', 1, 1, 450],
  ['boundSouth', '四至（南）', 'PROFILE', 1, 1, 460],
  ['boundWest', '四至（西）', 'PROFILE', 1, 1, 470],
  ['boundNorth', '四至（北）', 'PROFILE', 1, 1, 480],
  ['totalPhases', '项目总期数', 'PROFILE', 1, 1, 490],
  ['phase', '本期', 'PROFILE', 1, 1, 500],
  ['hasCommittee', '是否成立业委会', 'PROFILE', 1, 1, 510],
  ['committeeName', '业委会名称', 'PROFILE', 1, 1, 520],
  ['committeePhone', '业委会电话', 'PROFILE', 1, 0, 530],
  ['managementOffice', '物业管理处', 'PROFILE', 1, 1, 540],
  ['managementOfficePhone', '物业管理处电话', 'PROFILE', 1, 0, 550],
  ['developerName', '开发建设单位名称', 'PROFILE', 1, 1, 560],
];

export class AreaChanges1797200000000 implements MigrationInterface {
  name = 'AreaChanges1797200000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE `property_area_field_rules` (`field` varchar(64) NOT NULL, `label` varchar(64) NOT NULL, `fieldGroup` varchar(16) NOT NULL, `editable` tinyint NOT NULL, `requiresCityApproval` tinyint NOT NULL, `sortOrder` int NOT NULL, `updatedById` int NULL, `updatedAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), PRIMARY KEY (`field`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `property_area_cases` (`caseId` int NOT NULL, `formType` varchar(64) NOT NULL, `propertyAreaId` int NULL, `districtId` int NOT NULL, `streetId` int NULL, `communityId` int NULL, `areaName` varchar(128) NOT NULL, `openAreaId` int NULL, INDEX `IDX_property_area_cases_district` (`districtId`, `formType`), INDEX `IDX_property_area_cases_area` (`propertyAreaId`), UNIQUE INDEX `UQ_property_area_cases_open` (`formType`, `openAreaId`), PRIMARY KEY (`caseId`)) ENGINE=InnoDB");
    for (const row of DEFAULT_FIELD_RULES) {
      await queryRunner.query("INSERT INTO `property_area_field_rules` (`field`, `label`, `fieldGroup`, `editable`, `requiresCityApproval`, `sortOrder`) VALUES (?, ?, ?, ?, ?, ?)", row);
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX `UQ_property_area_cases_open` ON `property_area_cases`");
    await queryRunner.query("DROP INDEX `IDX_property_area_cases_area` ON `property_area_cases`");
    await queryRunner.query("DROP INDEX `IDX_property_area_cases_district` ON `property_area_cases`");
    await queryRunner.query("DROP TABLE `property_area_cases`");
    await queryRunner.query("DROP TABLE `property_area_field_rules`");
  }
}
