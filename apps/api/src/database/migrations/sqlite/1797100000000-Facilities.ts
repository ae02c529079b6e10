import { MigrationInterface, QueryRunner } from 'typeorm';

/** Chapter 5 设施设备信息: the facility-type catalogue, the facility ledger, maintenance records and their attachments. */
export class Facilities1797100000000 implements MigrationInterface {
  name = 'Facilities1797100000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('CREATE TABLE "facilities" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "districtId" integer NOT NULL, "streetId" integer NOT NULL, "communityId" integer NOT NULL, "propertyAreaId" integer NOT NULL, "facilityTypeId" integer NOT NULL, "name" varchar(128) NOT NULL, "buildingId" integer, "unitName" varchar(32), "position" varchar(128), "brand" varchar(64), "company" varchar(128), "quantity" integer NOT NULL DEFAULT (1), "registerNumber" varchar(32), "serialNumber" varchar(64), "commissionedAt" varchar(10), "dueDate" varchar(10), "maintenanceCycle" varchar(16), "personLiable" varchar(32), "originalValue" decimal(14,2), "currentValue" decimal(14,2), "annualInspector" varchar(128), "annualCost" decimal(14,2), "enabled" boolean NOT NULL DEFAULT (1), "remarks" varchar(500), "createdAt" datetime NOT NULL DEFAULT (datetime(\'now\')), "updatedAt" datetime NOT NULL DEFAULT (datetime(\'now\')), "deletedAt" datetime)');
    await queryRunner.query('CREATE INDEX "IDX_b806010411e6d9d2e17b7dd98b" ON "facilities" ("registerNumber")');
    await queryRunner.query('CREATE INDEX "IDX_6784033a935097e156de2f48c5" ON "facilities" ("districtId", "id")');
    await queryRunner.query('CREATE INDEX "IDX_f521305cd309c196f866025656" ON "facilities" ("districtId", "dueDate")');
    await queryRunner.query('CREATE INDEX "IDX_001462b2edf8feb3e37cbd0999" ON "facilities" ("propertyAreaId", "facilityTypeId")');
    await queryRunner.query('CREATE TABLE "facility_maintenance_attachments" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "recordId" integer NOT NULL, "attachmentId" integer NOT NULL)');
    await queryRunner.query('CREATE INDEX "IDX_9ea41e66096846e42e8e7364b4" ON "facility_maintenance_attachments" ("recordId")');
    await queryRunner.query('CREATE UNIQUE INDEX "IDX_7078376920f7f2233016e6f09e" ON "facility_maintenance_attachments" ("attachmentId")');
    await queryRunner.query('CREATE TABLE "facility_maintenance_records" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "facilityId" integer NOT NULL, "districtId" integer NOT NULL, "streetId" integer NOT NULL, "propertyAreaId" integer NOT NULL, "maintainedOn" varchar(10) NOT NULL, "kind" varchar(24) NOT NULL, "content" varchar(500) NOT NULL, "situation" varchar(500), "unit" varchar(128), "person" varchar(32), "cost" decimal(14,2), "nextDueDate" varchar(10), "createdById" integer, "createdByName" varchar(32) NOT NULL, "createdAt" datetime NOT NULL DEFAULT (datetime(\'now\')))');
    await queryRunner.query('CREATE INDEX "IDX_890eaeaba39e1af343f0c71f4b" ON "facility_maintenance_records" ("facilityId", "maintainedOn")');
    await queryRunner.query('CREATE TABLE "facility_types" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "parentId" integer, "code" varchar(32) NOT NULL, "name" varchar(64) NOT NULL, "sortOrder" integer NOT NULL DEFAULT (0), "isSpecialEquipment" boolean NOT NULL DEFAULT (0), "enabled" boolean NOT NULL DEFAULT (1), "createdAt" datetime NOT NULL DEFAULT (datetime(\'now\')), "updatedAt" datetime NOT NULL DEFAULT (datetime(\'now\')))');
    await queryRunner.query('CREATE UNIQUE INDEX "IDX_09974184ff5012a4c7a7633ef1" ON "facility_types" ("code")');
    await queryRunner.query('CREATE INDEX "IDX_c036f91ea671e0413de2d4e293" ON "facility_types" ("parentId", "sortOrder")');
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "IDX_c036f91ea671e0413de2d4e293"');
    await queryRunner.query('DROP INDEX "IDX_09974184ff5012a4c7a7633ef1"');
    await queryRunner.query('DROP TABLE "facility_types"');
    await queryRunner.query('DROP INDEX "IDX_890eaeaba39e1af343f0c71f4b"');
    await queryRunner.query('DROP TABLE "facility_maintenance_records"');
    await queryRunner.query('DROP INDEX "IDX_7078376920f7f2233016e6f09e"');
    await queryRunner.query('DROP INDEX "IDX_9ea41e66096846e42e8e7364b4"');
    await queryRunner.query('DROP TABLE "facility_maintenance_attachments"');
    await queryRunner.query('DROP INDEX "IDX_001462b2edf8feb3e37cbd0999"');
    await queryRunner.query('DROP INDEX "IDX_f521305cd309c196f866025656"');
    await queryRunner.query('DROP INDEX "IDX_6784033a935097e156de2f48c5"');
    await queryRunner.query('DROP INDEX "IDX_b806010411e6d9d2e17b7dd98b"');
    await queryRunner.query('DROP TABLE "facilities"');
  }
}
