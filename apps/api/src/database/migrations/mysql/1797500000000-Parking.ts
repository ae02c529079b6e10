import { MigrationInterface, QueryRunner } from 'typeorm';

/** Chapter 13 车位信息: the project managers' parking filings (current one + history) and their dispute reports. */
export class Parking1797500000000 implements MigrationInterface {
  name = 'Parking1797500000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE `parking_dispute_reports` (`id` int NOT NULL AUTO_INCREMENT, `filingId` int NOT NULL, `districtId` int NOT NULL, `streetId` int NOT NULL, `propertyAreaId` int NOT NULL, `disputeType` varchar(32) NOT NULL, `caseCount` int NOT NULL, `note` varchar(500) NULL, INDEX `IDX_cf10836908ef5b8974b36fce1d` (`districtId`, `disputeType`), UNIQUE INDEX `IDX_d175bcfe232050566e9b181cda` (`filingId`, `disputeType`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `parking_filings` (`id` int NOT NULL AUTO_INCREMENT, `districtId` int NOT NULL, `streetId` int NOT NULL, `communityId` int NOT NULL, `propertyAreaId` int NOT NULL, `currentAreaId` int NULL, `total` int NOT NULL, `surface` int NOT NULL, `underground` int NOT NULL, `mechanical` int NOT NULL, `soldOwned` int NOT NULL, `developerHeld` int NOT NULL, `rented` int NOT NULL, `civilDefence` int NOT NULL, `common` int NOT NULL, `publicOpen` int NOT NULL, `temporary` int NOT NULL, `evCharging` int NOT NULL, `chargingPosts` int NOT NULL, `accessibleSpaces` int NOT NULL, `monthlyFee` decimal(10,2) NULL, `hourlyFee` decimal(10,2) NULL, `remarks` varchar(500) NULL, `filedById` int NULL, `filedByName` varchar(32) NOT NULL, `supersededAt` datetime NULL, `filedAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), UNIQUE INDEX `IDX_8782cd4807151ffcd027716e2b` (`currentAreaId`), INDEX `IDX_d518043a8511c5cbe4c06ce9fa` (`districtId`, `id`), INDEX `IDX_60de3e05596ab2e5254177bd6c` (`propertyAreaId`, `id`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX `IDX_60de3e05596ab2e5254177bd6c` ON `parking_filings`");
    await queryRunner.query("DROP INDEX `IDX_d518043a8511c5cbe4c06ce9fa` ON `parking_filings`");
    await queryRunner.query("DROP INDEX `IDX_8782cd4807151ffcd027716e2b` ON `parking_filings`");
    await queryRunner.query("DROP TABLE `parking_filings`");
    await queryRunner.query("DROP INDEX `IDX_d175bcfe232050566e9b181cda` ON `parking_dispute_reports`");
    await queryRunner.query("DROP INDEX `IDX_cf10836908ef5b8974b36fce1d` ON `parking_dispute_reports`");
    await queryRunner.query("DROP TABLE `parking_dispute_reports`");
  }
}
