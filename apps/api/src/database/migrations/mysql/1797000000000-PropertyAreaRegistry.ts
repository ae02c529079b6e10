import { MigrationInterface, QueryRunner } from 'typeorm';

export class PropertyAreaRegistry1797000000000 implements MigrationInterface {
  name = 'PropertyAreaRegistry1797000000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE `buildings` (`id` int NOT NULL AUTO_INCREMENT, `propertyAreaId` int NOT NULL, `districtId` int NOT NULL, `code` varchar(32) NOT NULL, `name` varchar(32) NOT NULL, `totalFloors` int NOT NULL, `hasBasement` tinyint NOT NULL DEFAULT 0, `independent` tinyint NOT NULL DEFAULT 0, `structure` varchar(16) NOT NULL DEFAULT 'RC', `buildYear` int NULL, `registeredArea` double NULL, `projectCost` double NULL, INDEX `IDX_3182f3891691ca0b5583cc20c6` (`districtId`), UNIQUE INDEX `IDX_8a3f73dde85ed8b336153a24f8` (`propertyAreaId`, `code`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `property_area_profiles` (`id` int NOT NULL AUTO_INCREMENT, `propertyAreaId` int NOT NULL, `districtId` int NOT NULL, `areaType` varchar(16) NULL, `serviceType` varchar(16) NULL, `contractType` varchar(16) NULL, `contractStart` varchar(10) NULL, `contractEnd` varchar(10) NULL, `servicePrice` double NULL, `collectionRate` double NULL, `totalHouseholds` int NULL, `ownerCount` int NULL, `occupiedHouseholds` int NULL, `handoverDate` varchar(10) NULL, `buildArea` double NULL, `serviceArea` double NULL, `siteArea` double NULL, `greenArea` double NULL, `parkingArea` double NULL, `publicFacilityArea` double NULL, `multiStoreyArea` double NULL, `highRiseArea` double NULL, `villaArea` double NULL, `officeArea` double NULL, `commerceArea` double NULL, `industrialArea` double NULL, `municipalArea` double NULL, `otherArea` double NULL, `averagePrice` double NULL, `boundEast` varchar(128) NULL, `boundSouth` varchar(128) NULL, `boundWest` varchar(128) NULL, `boundNorth` varchar(128) NULL, `totalPhases` int NULL, `phase` int NULL, `hasCommittee` tinyint NOT NULL DEFAULT 0, `committeeName` varchar(128) NULL, `committeePhone` varchar(32) NULL, `managementOffice` varchar(128) NULL, `managementOfficePhone` varchar(32) NULL, `developerName` varchar(128) NULL, `updatedAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), UNIQUE INDEX `IDX_44c54cc596c9ec625e345e8667` (`propertyAreaId`), INDEX `IDX_0c26f3c2d5a55ba02ca2849dc8` (`districtId`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("ALTER TABLE `houses` ADD `buildingId` int NULL");
    await queryRunner.query("ALTER TABLE `houses` ADD `realEstateUnitNo` varchar(32) NULL");
    await queryRunner.query("ALTER TABLE `houses` ADD `floor` int NULL");
    await queryRunner.query("ALTER TABLE `houses` ADD `buildingArea` double NULL");
    await queryRunner.query("ALTER TABLE `houses` ADD `innerArea` double NULL");
    await queryRunner.query("ALTER TABLE `houses` ADD `sharedArea` double NULL");
    await queryRunner.query("ALTER TABLE `houses` ADD `chargeArea` double NULL");
    await queryRunner.query("ALTER TABLE `houses` ADD `houseType` varchar(16) NULL");
    await queryRunner.query("ALTER TABLE `houses` ADD `saleStatus` varchar(16) NULL");
    await queryRunner.query("ALTER TABLE `houses` ADD `hasElevator` tinyint NULL");
    await queryRunner.query("ALTER TABLE `houses` ADD `fundDue` double NULL");
    await queryRunner.query("ALTER TABLE `houses` ADD `fundBalance` double NULL");
    await queryRunner.query("ALTER TABLE `property_areas` ADD `landNumber` varchar(64) NULL");
    await queryRunner.query("ALTER TABLE `property_areas` ADD `location` varchar(255) NULL");
    await queryRunner.query("ALTER TABLE `property_areas` ADD `externalCode` varchar(64) NULL");
    await queryRunner.query("ALTER TABLE `property_areas` ADD `selfManaged` tinyint NOT NULL DEFAULT 0");
    await queryRunner.query("ALTER TABLE `property_areas` ADD `otherCityProject` tinyint NOT NULL DEFAULT 0");
    await queryRunner.query("ALTER TABLE `property_areas` ADD `ownersCommitteeId` int NULL");
    await queryRunner.query("ALTER TABLE `property_areas` ADD `remarks` varchar(500) NULL");
    await queryRunner.query("ALTER TABLE `property_areas` ADD `boundaryGeoJson` text NULL");
    await queryRunner.query("ALTER TABLE `property_areas` ADD `coordinateStatus` varchar(16) NOT NULL DEFAULT 'UNPLOTTED'");
    await queryRunner.query("ALTER TABLE `property_areas` ADD `layer` varchar(64) NULL");
    await queryRunner.query("ALTER TABLE `property_areas` ADD `version` int NOT NULL DEFAULT '1'");
    await queryRunner.query("ALTER TABLE `property_areas` ADD `updatedAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6)");
    await queryRunner.query("CREATE INDEX `IDX_b392deccf3ff430eb9c40f3ef2` ON `houses` (`propertyAreaId`, `buildingId`, `unitNo`)");
    await queryRunner.query("CREATE INDEX `IDX_e512c4913569c4ea5068248cdc` ON `property_areas` (`districtId`, `longitude`, `latitude`)");
    await queryRunner.query("CREATE INDEX `IDX_7465dc0f9e45d4b5efc3c53352` ON `property_areas` (`districtId`, `coordinateStatus`)");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX `IDX_7465dc0f9e45d4b5efc3c53352` ON `property_areas`");
    await queryRunner.query("DROP INDEX `IDX_e512c4913569c4ea5068248cdc` ON `property_areas`");
    await queryRunner.query("DROP INDEX `IDX_b392deccf3ff430eb9c40f3ef2` ON `houses`");
    await queryRunner.query("ALTER TABLE `property_areas` DROP COLUMN `updatedAt`");
    await queryRunner.query("ALTER TABLE `property_areas` DROP COLUMN `version`");
    await queryRunner.query("ALTER TABLE `property_areas` DROP COLUMN `layer`");
    await queryRunner.query("ALTER TABLE `property_areas` DROP COLUMN `coordinateStatus`");
    await queryRunner.query("ALTER TABLE `property_areas` DROP COLUMN `boundaryGeoJson`");
    await queryRunner.query("ALTER TABLE `property_areas` DROP COLUMN `remarks`");
    await queryRunner.query("ALTER TABLE `property_areas` DROP COLUMN `ownersCommitteeId`");
    await queryRunner.query("ALTER TABLE `property_areas` DROP COLUMN `otherCityProject`");
    await queryRunner.query("ALTER TABLE `property_areas` DROP COLUMN `selfManaged`");
    await queryRunner.query("ALTER TABLE `property_areas` DROP COLUMN `externalCode`");
    await queryRunner.query("ALTER TABLE `property_areas` DROP COLUMN `location`");
    await queryRunner.query("ALTER TABLE `property_areas` DROP COLUMN `landNumber`");
    await queryRunner.query("ALTER TABLE `houses` DROP COLUMN `fundBalance`");
    await queryRunner.query("ALTER TABLE `houses` DROP COLUMN `fundDue`");
    await queryRunner.query("ALTER TABLE `houses` DROP COLUMN `hasElevator`");
    await queryRunner.query("ALTER TABLE `houses` DROP COLUMN `saleStatus`");
    await queryRunner.query("ALTER TABLE `houses` DROP COLUMN `houseType`");
    await queryRunner.query("ALTER TABLE `houses` DROP COLUMN `chargeArea`");
    await queryRunner.query("ALTER TABLE `houses` DROP COLUMN `sharedArea`");
    await queryRunner.query("ALTER TABLE `houses` DROP COLUMN `innerArea`");
    await queryRunner.query("ALTER TABLE `houses` DROP COLUMN `buildingArea`");
    await queryRunner.query("ALTER TABLE `houses` DROP COLUMN `floor`");
    await queryRunner.query("ALTER TABLE `houses` DROP COLUMN `realEstateUnitNo`");
    await queryRunner.query("ALTER TABLE `houses` DROP COLUMN `buildingId`");
    await queryRunner.query("DROP INDEX `IDX_0c26f3c2d5a55ba02ca2849dc8` ON `property_area_profiles`");
    await queryRunner.query("DROP INDEX `IDX_44c54cc596c9ec625e345e8667` ON `property_area_profiles`");
    await queryRunner.query("DROP TABLE `property_area_profiles`");
    await queryRunner.query("DROP INDEX `IDX_8a3f73dde85ed8b336153a24f8` ON `buildings`");
    await queryRunner.query("DROP INDEX `IDX_3182f3891691ca0b5583cc20c6` ON `buildings`");
    await queryRunner.query("DROP TABLE `buildings`");
  }
}
