import { MigrationInterface, QueryRunner } from 'typeorm';

/** Chapter 12 从业人员信息: practitioners (project and company staff), their certificates, and each project's roster filing. */
export class Practitioners1797400000000 implements MigrationInterface {
  name = 'Practitioners1797400000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE `practitioners` (`id` int NOT NULL AUTO_INCREMENT, `districtId` int NOT NULL, `streetId` int NULL, `communityId` int NULL, `propertyAreaId` int NULL, `companyId` int NULL, `employerKind` varchar(8) NOT NULL, `name` varchar(32) NOT NULL, `gender` varchar(8) NOT NULL, `idNumber` varchar(18) NOT NULL, `phone` varchar(20) NOT NULL, `position` varchar(24) NOT NULL, `hiredAt` varchar(10) NOT NULL, `leftAt` varchar(10) NULL, `status` varchar(8) NOT NULL DEFAULT 'ON_DUTY', `isPartyMember` tinyint NOT NULL DEFAULT 0, `education` varchar(16) NULL, `createdAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), `updatedAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), INDEX `IDX_abe2c26bfb9d95274659e9a82c` (`districtId`, `id`), INDEX `IDX_ceafe79ede74ca4a5f4e56c719` (`companyId`, `employerKind`, `status`), INDEX `IDX_41b0808d894d16e8db5ed23101` (`districtId`, `employerKind`, `status`), INDEX `IDX_0f882ab93027914da4dd2b5bb8` (`propertyAreaId`, `status`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `practitioner_certificates` (`id` int NOT NULL AUTO_INCREMENT, `practitionerId` int NOT NULL, `districtId` int NOT NULL, `streetId` int NULL, `type` varchar(32) NOT NULL, `certNo` varchar(64) NOT NULL, `issuedAt` varchar(10) NOT NULL, `expiresAt` varchar(10) NOT NULL, `createdAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), INDEX `IDX_b2715323b658f465dae597974c` (`districtId`, `expiresAt`), INDEX `IDX_69ab670beffa8c5be758b4a091` (`practitionerId`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `practitioner_rosters` (`id` int NOT NULL AUTO_INCREMENT, `propertyAreaId` int NOT NULL, `districtId` int NOT NULL, `streetId` int NOT NULL, `communityId` int NOT NULL, `filedAt` datetime NOT NULL, `lastUpdatedAt` datetime NOT NULL, `lastUpdatedById` int NULL, `lastUpdatedByName` varchar(32) NULL, INDEX `IDX_a795ee95aea385353119144d15` (`districtId`, `lastUpdatedAt`), UNIQUE INDEX `IDX_5a54a797bbe766106ceda542bb` (`propertyAreaId`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX `IDX_5a54a797bbe766106ceda542bb` ON `practitioner_rosters`");
    await queryRunner.query("DROP INDEX `IDX_a795ee95aea385353119144d15` ON `practitioner_rosters`");
    await queryRunner.query("DROP TABLE `practitioner_rosters`");
    await queryRunner.query("DROP INDEX `IDX_69ab670beffa8c5be758b4a091` ON `practitioner_certificates`");
    await queryRunner.query("DROP INDEX `IDX_b2715323b658f465dae597974c` ON `practitioner_certificates`");
    await queryRunner.query("DROP TABLE `practitioner_certificates`");
    await queryRunner.query("DROP INDEX `IDX_0f882ab93027914da4dd2b5bb8` ON `practitioners`");
    await queryRunner.query("DROP INDEX `IDX_41b0808d894d16e8db5ed23101` ON `practitioners`");
    await queryRunner.query("DROP INDEX `IDX_ceafe79ede74ca4a5f4e56c719` ON `practitioners`");
    await queryRunner.query("DROP INDEX `IDX_abe2c26bfb9d95274659e9a82c` ON `practitioners`");
    await queryRunner.query("DROP TABLE `practitioners`");
  }
}
