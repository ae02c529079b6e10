import { MigrationInterface, QueryRunner } from 'typeorm';

/** Chapter 5 设施设备信息: the facility-type catalogue, the facility ledger, maintenance records and their attachments. */
export class Facilities1797100000000 implements MigrationInterface {
  name = 'Facilities1797100000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE `facilities` (`id` int NOT NULL AUTO_INCREMENT, `districtId` int NOT NULL, `streetId` int NOT NULL, `communityId` int NOT NULL, `propertyAreaId` int NOT NULL, `facilityTypeId` int NOT NULL, `name` varchar(128) NOT NULL, `buildingId` int NULL, `unitName` varchar(32) NULL, `position` varchar(128) NULL, `brand` varchar(64) NULL, `company` varchar(128) NULL, `quantity` int NOT NULL DEFAULT '1', `registerNumber` varchar(32) NULL, `serialNumber` varchar(64) NULL, `commissionedAt` varchar(10) NULL, `dueDate` varchar(10) NULL, `maintenanceCycle` varchar(16) NULL, `personLiable` varchar(32) NULL, `originalValue` decimal(14,2) NULL, `currentValue` decimal(14,2) NULL, `annualInspector` varchar(128) NULL, `annualCost` decimal(14,2) NULL, `enabled` tinyint NOT NULL DEFAULT 1, `remarks` varchar(500) NULL, `createdAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), `updatedAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), `deletedAt` datetime(6) NULL, INDEX `IDX_b806010411e6d9d2e17b7dd98b` (`registerNumber`), INDEX `IDX_6784033a935097e156de2f48c5` (`districtId`, `id`), INDEX `IDX_f521305cd309c196f866025656` (`districtId`, `dueDate`), INDEX `IDX_001462b2edf8feb3e37cbd0999` (`propertyAreaId`, `facilityTypeId`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `facility_maintenance_attachments` (`id` int NOT NULL AUTO_INCREMENT, `recordId` int NOT NULL, `attachmentId` int NOT NULL, INDEX `IDX_9ea41e66096846e42e8e7364b4` (`recordId`), UNIQUE INDEX `IDX_7078376920f7f2233016e6f09e` (`attachmentId`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `facility_maintenance_records` (`id` int NOT NULL AUTO_INCREMENT, `facilityId` int NOT NULL, `districtId` int NOT NULL, `streetId` int NOT NULL, `propertyAreaId` int NOT NULL, `maintainedOn` varchar(10) NOT NULL, `kind` varchar(24) NOT NULL, `content` varchar(500) NOT NULL, `situation` varchar(500) NULL, `unit` varchar(128) NULL, `person` varchar(32) NULL, `cost` decimal(14,2) NULL, `nextDueDate` varchar(10) NULL, `createdById` int NULL, `createdByName` varchar(32) NOT NULL, `createdAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), INDEX `IDX_890eaeaba39e1af343f0c71f4b` (`facilityId`, `maintainedOn`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `facility_types` (`id` int NOT NULL AUTO_INCREMENT, `parentId` int NULL, `code` varchar(32) NOT NULL, `name` varchar(64) NOT NULL, `sortOrder` int NOT NULL DEFAULT '0', `isSpecialEquipment` tinyint NOT NULL DEFAULT 0, `enabled` tinyint NOT NULL DEFAULT 1, `createdAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), `updatedAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), UNIQUE INDEX `IDX_09974184ff5012a4c7a7633ef1` (`code`), INDEX `IDX_c036f91ea671e0413de2d4e293` (`parentId`, `sortOrder`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX `IDX_c036f91ea671e0413de2d4e293` ON `facility_types`");
    await queryRunner.query("DROP INDEX `IDX_09974184ff5012a4c7a7633ef1` ON `facility_types`");
    await queryRunner.query("DROP TABLE `facility_types`");
    await queryRunner.query("DROP INDEX `IDX_890eaeaba39e1af343f0c71f4b` ON `facility_maintenance_records`");
    await queryRunner.query("DROP TABLE `facility_maintenance_records`");
    await queryRunner.query("DROP INDEX `IDX_7078376920f7f2233016e6f09e` ON `facility_maintenance_attachments`");
    await queryRunner.query("DROP INDEX `IDX_9ea41e66096846e42e8e7364b4` ON `facility_maintenance_attachments`");
    await queryRunner.query("DROP TABLE `facility_maintenance_attachments`");
    await queryRunner.query("DROP INDEX `IDX_001462b2edf8feb3e37cbd0999` ON `facilities`");
    await queryRunner.query("DROP INDEX `IDX_f521305cd309c196f866025656` ON `facilities`");
    await queryRunner.query("DROP INDEX `IDX_6784033a935097e156de2f48c5` ON `facilities`");
    await queryRunner.query("DROP INDEX `IDX_b806010411e6d9d2e17b7dd98b` ON `facilities`");
    await queryRunner.query("DROP TABLE `facilities`");
  }
}
