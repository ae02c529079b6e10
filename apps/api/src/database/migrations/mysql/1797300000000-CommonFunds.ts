import { MigrationInterface, QueryRunner } from 'typeorm';

/** Chapter 11 共有资金: the shared-bank dictionary, the accounts, their feed transactions and issues, the overdue cases and their timelines. */
export class CommonFunds1797300000000 implements MigrationInterface {
  name = 'CommonFunds1797300000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE `common_fund_accounts` (`id` int NOT NULL AUTO_INCREMENT, `districtId` int NOT NULL, `streetId` int NOT NULL, `communityId` int NOT NULL, `propertyAreaId` int NOT NULL, `accountType` varchar(16) NOT NULL, `accountNo` varchar(32) NOT NULL, `accountName` varchar(128) NOT NULL, `bankId` int NOT NULL, `bankName` varchar(64) NOT NULL, `status` varchar(16) NOT NULL, `registrantType` varchar(24) NOT NULL, `registrant` varchar(32) NOT NULL, `registeredAt` datetime NOT NULL, `registeredById` int NULL, `balance` decimal(16,2) NOT NULL DEFAULT '0.00', `lastSeq` int NOT NULL DEFAULT '0', `lastTransactionAt` datetime NULL, `feedAbnormal` tinyint NOT NULL DEFAULT 0, `createdAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), `updatedAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), INDEX `IDX_ba170b831518a2ee59946b5396` (`propertyAreaId`), INDEX `IDX_c27e39f2c643b94b6d60a72249` (`districtId`, `propertyAreaId`), UNIQUE INDEX `IDX_e0af3b0b1c479ef67d49845435` (`bankId`, `accountNo`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `common_fund_cases` (`id` int NOT NULL AUTO_INCREMENT, `districtId` int NOT NULL, `streetId` int NOT NULL, `communityId` int NOT NULL, `propertyAreaId` int NOT NULL, `openAreaId` int NULL, `stage` varchar(24) NOT NULL, `triggerDate` varchar(10) NOT NULL, `dueDate` varchar(10) NOT NULL, `orderNo` varchar(64) NULL, `orderDate` varchar(10) NULL, `rectifyDeadline` varchar(10) NULL, `penaltyNo` varchar(64) NULL, `penaltyDate` varchar(10) NULL, `penaltyAmount` decimal(14,2) NULL, `closedAt` datetime NULL, `createdAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), `updatedAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), UNIQUE INDEX `IDX_4aa32d0c0ffed34147b9b3a715` (`openAreaId`), INDEX `IDX_019bfa9b5d1d4b92471d9dff3b` (`stage`, `rectifyDeadline`), INDEX `IDX_915e6de73d3075b79bea649ebf` (`propertyAreaId`), INDEX `IDX_084123686ddbfe42d18c7cdded` (`districtId`, `stage`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `common_fund_case_events` (`id` int NOT NULL AUTO_INCREMENT, `caseId` int NOT NULL, `stage` varchar(24) NOT NULL, `at` datetime NOT NULL, `actorId` int NULL, `actorName` varchar(32) NULL, `note` varchar(500) NOT NULL, INDEX `IDX_f2d4ac818a22f86ab804c13b66` (`caseId`, `at`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `common_fund_feed_issues` (`id` int NOT NULL AUTO_INCREMENT, `accountId` int NOT NULL, `kind` varchar(24) NOT NULL, `detail` varchar(500) NOT NULL, `expectedSeq` int NOT NULL, `receivedSeq` int NULL, `detectedAt` datetime NOT NULL, `resolvedAt` datetime NULL, INDEX `IDX_49841501a496ec629e7235bf69` (`accountId`, `resolvedAt`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `common_fund_transactions` (`id` int NOT NULL AUTO_INCREMENT, `accountId` int NOT NULL, `seq` int NOT NULL, `transTime` datetime NOT NULL, `direction` varchar(8) NOT NULL, `amount` decimal(14,2) NOT NULL, `balance` decimal(16,2) NOT NULL, `summary` varchar(128) NOT NULL, UNIQUE INDEX `IDX_3eca771dc39147cbfb1d82e4ea` (`accountId`, `seq`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `shared_banks` (`id` int NOT NULL AUTO_INCREMENT, `code` varchar(16) NOT NULL, `name` varchar(64) NOT NULL, `sortOrder` int NOT NULL DEFAULT '0', UNIQUE INDEX `IDX_8988ba5b263550108c939bc1e2` (`code`), UNIQUE INDEX `IDX_298c3425433c4490258c8aa9d5` (`name`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP TABLE `shared_banks`");
    await queryRunner.query("DROP TABLE `common_fund_transactions`");
    await queryRunner.query("DROP TABLE `common_fund_feed_issues`");
    await queryRunner.query("DROP TABLE `common_fund_case_events`");
    await queryRunner.query("DROP TABLE `common_fund_cases`");
    await queryRunner.query("DROP TABLE `common_fund_accounts`");
  }
}
