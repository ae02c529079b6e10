import { MigrationInterface, QueryRunner } from 'typeorm';

/** Chapter 13 车位信息: the project managers' parking filings (current one + history) and their dispute reports. */
export class Parking1797500000000 implements MigrationInterface {
  name = 'Parking1797500000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('CREATE TABLE "parking_dispute_reports" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "filingId" integer NOT NULL, "districtId" integer NOT NULL, "streetId" integer NOT NULL, "propertyAreaId" integer NOT NULL, "disputeType" varchar(32) NOT NULL, "caseCount" integer NOT NULL, "note" varchar(500))');
    await queryRunner.query('CREATE INDEX "IDX_cf10836908ef5b8974b36fce1d" ON "parking_dispute_reports" ("districtId", "disputeType") ');
    await queryRunner.query('CREATE UNIQUE INDEX "IDX_d175bcfe232050566e9b181cda" ON "parking_dispute_reports" ("filingId", "disputeType") ');
    await queryRunner.query('CREATE TABLE "parking_filings" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "districtId" integer NOT NULL, "streetId" integer NOT NULL, "communityId" integer NOT NULL, "propertyAreaId" integer NOT NULL, "currentAreaId" integer, "total" integer NOT NULL, "surface" integer NOT NULL, "underground" integer NOT NULL, "mechanical" integer NOT NULL, "soldOwned" integer NOT NULL, "developerHeld" integer NOT NULL, "rented" integer NOT NULL, "civilDefence" integer NOT NULL, "common" integer NOT NULL, "publicOpen" integer NOT NULL, "temporary" integer NOT NULL, "evCharging" integer NOT NULL, "chargingPosts" integer NOT NULL, "accessibleSpaces" integer NOT NULL, "monthlyFee" decimal(10,2), "hourlyFee" decimal(10,2), "remarks" varchar(500), "filedById" integer, "filedByName" varchar(32) NOT NULL, "supersededAt" datetime, "filedAt" datetime NOT NULL DEFAULT (datetime(\'now\')))');
    await queryRunner.query('CREATE UNIQUE INDEX "IDX_8782cd4807151ffcd027716e2b" ON "parking_filings" ("currentAreaId") ');
    await queryRunner.query('CREATE INDEX "IDX_d518043a8511c5cbe4c06ce9fa" ON "parking_filings" ("districtId", "id") ');
    await queryRunner.query('CREATE INDEX "IDX_60de3e05596ab2e5254177bd6c" ON "parking_filings" ("propertyAreaId", "id") ');
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "IDX_60de3e05596ab2e5254177bd6c"');
    await queryRunner.query('DROP INDEX "IDX_d518043a8511c5cbe4c06ce9fa"');
    await queryRunner.query('DROP INDEX "IDX_8782cd4807151ffcd027716e2b"');
    await queryRunner.query('DROP TABLE "parking_filings"');
    await queryRunner.query('DROP INDEX "IDX_d175bcfe232050566e9b181cda"');
    await queryRunner.query('DROP INDEX "IDX_cf10836908ef5b8974b36fce1d"');
    await queryRunner.query('DROP TABLE "parking_dispute_reports"');
  }
}
