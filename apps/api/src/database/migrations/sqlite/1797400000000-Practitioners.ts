import { MigrationInterface, QueryRunner } from 'typeorm';

/** Chapter 12 从业人员信息: practitioners (project and company staff), their certificates, and each project's roster filing. */
export class Practitioners1797400000000 implements MigrationInterface {
  name = 'Practitioners1797400000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('CREATE TABLE "practitioners" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "districtId" integer NOT NULL, "streetId" integer, "communityId" integer, "propertyAreaId" integer, "companyId" integer, "employerKind" varchar(8) NOT NULL, "name" varchar(32) NOT NULL, "gender" varchar(8) NOT NULL, "idNumber" varchar(18) NOT NULL, "phone" varchar(20) NOT NULL, "position" varchar(24) NOT NULL, "hiredAt" varchar(10) NOT NULL, "leftAt" varchar(10), "status" varchar(8) NOT NULL DEFAULT (\'ON_DUTY\'), "isPartyMember" boolean NOT NULL DEFAULT (0), "education" varchar(16), "createdAt" datetime NOT NULL DEFAULT (datetime(\'now\')), "updatedAt" datetime NOT NULL DEFAULT (datetime(\'now\')))');
    await queryRunner.query('CREATE INDEX "IDX_abe2c26bfb9d95274659e9a82c" ON "practitioners" ("districtId", "id")');
    await queryRunner.query('CREATE INDEX "IDX_ceafe79ede74ca4a5f4e56c719" ON "practitioners" ("companyId", "employerKind", "status")');
    await queryRunner.query('CREATE INDEX "IDX_41b0808d894d16e8db5ed23101" ON "practitioners" ("districtId", "employerKind", "status")');
    await queryRunner.query('CREATE INDEX "IDX_0f882ab93027914da4dd2b5bb8" ON "practitioners" ("propertyAreaId", "status")');
    await queryRunner.query('CREATE TABLE "practitioner_certificates" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "practitionerId" integer NOT NULL, "districtId" integer NOT NULL, "streetId" integer, "type" varchar(32) NOT NULL, "certNo" varchar(64) NOT NULL, "issuedAt" varchar(10) NOT NULL, "expiresAt" varchar(10) NOT NULL, "createdAt" datetime NOT NULL DEFAULT (datetime(\'now\')))');
    await queryRunner.query('CREATE INDEX "IDX_b2715323b658f465dae597974c" ON "practitioner_certificates" ("districtId", "expiresAt")');
    await queryRunner.query('CREATE INDEX "IDX_69ab670beffa8c5be758b4a091" ON "practitioner_certificates" ("practitionerId")');
    await queryRunner.query('CREATE TABLE "practitioner_rosters" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "propertyAreaId" integer NOT NULL, "districtId" integer NOT NULL, "streetId" integer NOT NULL, "communityId" integer NOT NULL, "filedAt" datetime NOT NULL, "lastUpdatedAt" datetime NOT NULL, "lastUpdatedById" integer, "lastUpdatedByName" varchar(32))');
    await queryRunner.query('CREATE INDEX "IDX_a795ee95aea385353119144d15" ON "practitioner_rosters" ("districtId", "lastUpdatedAt")');
    await queryRunner.query('CREATE UNIQUE INDEX "IDX_5a54a797bbe766106ceda542bb" ON "practitioner_rosters" ("propertyAreaId")');
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "IDX_5a54a797bbe766106ceda542bb"');
    await queryRunner.query('DROP INDEX "IDX_a795ee95aea385353119144d15"');
    await queryRunner.query('DROP TABLE "practitioner_rosters"');
    await queryRunner.query('DROP INDEX "IDX_69ab670beffa8c5be758b4a091"');
    await queryRunner.query('DROP INDEX "IDX_b2715323b658f465dae597974c"');
    await queryRunner.query('DROP TABLE "practitioner_certificates"');
    await queryRunner.query('DROP INDEX "IDX_0f882ab93027914da4dd2b5bb8"');
    await queryRunner.query('DROP INDEX "IDX_41b0808d894d16e8db5ed23101"');
    await queryRunner.query('DROP INDEX "IDX_ceafe79ede74ca4a5f4e56c719"');
    await queryRunner.query('DROP INDEX "IDX_abe2c26bfb9d95274659e9a82c"');
    await queryRunner.query('DROP TABLE "practitioners"');
  }
}
