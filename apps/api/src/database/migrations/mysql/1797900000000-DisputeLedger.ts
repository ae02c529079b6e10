import { MigrationInterface, QueryRunner } from 'typeorm';

export class DisputeLedger1797900000000 implements MigrationInterface {
  name = 'DisputeLedger1797900000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE `dispute_cases` (`id` int NOT NULL AUTO_INCREMENT, `workflowCaseId` int NOT NULL, `businessNo` varchar(32) NOT NULL, `districtId` int NOT NULL, `streetId` int NOT NULL, `communityId` int NOT NULL, `propertyAreaId` int NOT NULL, `address` varchar(255) NULL, `categoryId` int NOT NULL, `summary` varchar(1000) NOT NULL, `demand` varchar(1000) NOT NULL, `peopleCount` int NOT NULL, `applicantKind` varchar(24) NOT NULL, `applicantName` varchar(64) NOT NULL, `applicantPhone` varchar(20) NULL, `respondentKind` varchar(24) NOT NULL, `respondentName` varchar(64) NOT NULL, `respondentPhone` varchar(20) NULL, `source` varchar(24) NOT NULL, `urgency` varchar(16) NOT NULL, `petitionNo` varchar(64) NULL, `petitioner` varchar(64) NULL, `petitionerPhone` varchar(20) NULL, `petitionForm` varchar(16) NULL, `petitionDate` varchar(10) NULL, `petitionCollective` tinyint NULL, `petitionCategory` varchar(16) NULL, `deadline` varchar(10) NOT NULL, `status` varchar(24) NOT NULL, `closed` tinyint NOT NULL DEFAULT 0, `withStreet` tinyint NOT NULL DEFAULT 0, `transferredAt` datetime NULL, `transferCount` int NOT NULL DEFAULT '0', `sendBackCount` int NOT NULL DEFAULT '0', `disposal` varchar(16) NULL, `outcome` varchar(24) NULL, `repliedAt` varchar(10) NULL, `handlingNote` varchar(1000) NULL, `issues` varchar(1000) NULL, `handledById` int NULL, `closedAt` datetime NULL, `followUp` tinyint NOT NULL DEFAULT 0, `handlingDays` int NULL, `enteredAt` datetime NOT NULL, `enteredById` int NOT NULL, `enteredByName` varchar(32) NOT NULL, `importBatchId` int NULL, `version` int NOT NULL, `remindedBeforeFor` varchar(10) NULL, `remindedDueFor` varchar(10) NULL, `createdAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), `updatedAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), UNIQUE INDEX `IDX_c16deb2018656862201c967e2f` (`workflowCaseId`), UNIQUE INDEX `IDX_4c48c2844a420018dfa435111c` (`businessNo`), INDEX `IDX_dfbc8ee0fc0d16ee761f686bac` (`importBatchId`), INDEX `IDX_9ece4b19173d5d7fb0ac19900f` (`closed`, `deadline`), INDEX `IDX_608f73edc0131adc1d4f5dab95` (`communityId`, `enteredAt`), INDEX `IDX_1d9906dbcc2e13f03a13910cb8` (`petitionerPhone`, `enteredAt`), INDEX `IDX_8bda09553d8ca054a07da1123f` (`propertyAreaId`, `categoryId`, `enteredAt`), INDEX `IDX_f59cf2b04c5683121b40d87f87` (`districtId`, `categoryId`, `enteredAt`), INDEX `IDX_e7c385a5faf7dbb2f0e830c425` (`streetId`, `enteredAt`), INDEX `IDX_ea68600d9649537b438e6b8f7c` (`streetId`, `closed`, `enteredAt`), INDEX `IDX_b6887d811fb978c2516dc6dee1` (`districtId`, `closed`, `deadline`), INDEX `IDX_d1df959f6750e9502a03f96dc9` (`districtId`, `enteredAt`), INDEX `IDX_e40162709a09b37b7aeaba74dd` (`districtId`, `closed`, `enteredAt`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `dispute_categories` (`id` int NOT NULL AUTO_INCREMENT, `name` varchar(64) NOT NULL, `timeLimitWorkingDays` int NOT NULL, `active` tinyint NOT NULL DEFAULT 1, `sortOrder` int NOT NULL DEFAULT '0', UNIQUE INDEX `IDX_ab249c6a5a054033141e01a44b` (`name`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `dispute_import_batches` (`id` int NOT NULL AUTO_INCREMENT, `batchNo` varchar(32) NOT NULL, `districtId` int NOT NULL, `fileName` varchar(255) NOT NULL, `rows` int NOT NULL, `importedById` int NOT NULL, `importedByName` varchar(32) NOT NULL, `createdAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), UNIQUE INDEX `IDX_d36cf6635a22cb361c00d79cdb` (`batchNo`), INDEX `IDX_338547af507b4065894987eeb6` (`districtId`, `createdAt`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX `IDX_338547af507b4065894987eeb6` ON `dispute_import_batches`");
    await queryRunner.query("DROP INDEX `IDX_d36cf6635a22cb361c00d79cdb` ON `dispute_import_batches`");
    await queryRunner.query("DROP TABLE `dispute_import_batches`");
    await queryRunner.query("DROP INDEX `IDX_ab249c6a5a054033141e01a44b` ON `dispute_categories`");
    await queryRunner.query("DROP TABLE `dispute_categories`");
    await queryRunner.query("DROP INDEX `IDX_e40162709a09b37b7aeaba74dd` ON `dispute_cases`");
    await queryRunner.query("DROP INDEX `IDX_d1df959f6750e9502a03f96dc9` ON `dispute_cases`");
    await queryRunner.query("DROP INDEX `IDX_b6887d811fb978c2516dc6dee1` ON `dispute_cases`");
    await queryRunner.query("DROP INDEX `IDX_ea68600d9649537b438e6b8f7c` ON `dispute_cases`");
    await queryRunner.query("DROP INDEX `IDX_e7c385a5faf7dbb2f0e830c425` ON `dispute_cases`");
    await queryRunner.query("DROP INDEX `IDX_f59cf2b04c5683121b40d87f87` ON `dispute_cases`");
    await queryRunner.query("DROP INDEX `IDX_8bda09553d8ca054a07da1123f` ON `dispute_cases`");
    await queryRunner.query("DROP INDEX `IDX_1d9906dbcc2e13f03a13910cb8` ON `dispute_cases`");
    await queryRunner.query("DROP INDEX `IDX_608f73edc0131adc1d4f5dab95` ON `dispute_cases`");
    await queryRunner.query("DROP INDEX `IDX_9ece4b19173d5d7fb0ac19900f` ON `dispute_cases`");
    await queryRunner.query("DROP INDEX `IDX_dfbc8ee0fc0d16ee761f686bac` ON `dispute_cases`");
    await queryRunner.query("DROP INDEX `IDX_4c48c2844a420018dfa435111c` ON `dispute_cases`");
    await queryRunner.query("DROP INDEX `IDX_c16deb2018656862201c967e2f` ON `dispute_cases`");
    await queryRunner.query("DROP TABLE `dispute_cases`");
  }
}
