import { MigrationInterface, QueryRunner } from 'typeorm';

export class DisputeLedger1797900000000 implements MigrationInterface {
  name = 'DisputeLedger1797900000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"dispute_cases\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"workflowCaseId\" integer NOT NULL, \"businessNo\" varchar(32) NOT NULL, \"districtId\" integer NOT NULL, \"streetId\" integer NOT NULL, \"communityId\" integer NOT NULL, \"propertyAreaId\" integer NOT NULL, \"address\" varchar(255), \"categoryId\" integer NOT NULL, \"summary\" varchar(1000) NOT NULL, \"demand\" varchar(1000) NOT NULL, \"peopleCount\" integer NOT NULL, \"applicantKind\" varchar(24) NOT NULL, \"applicantName\" varchar(64) NOT NULL, \"applicantPhone\" varchar(20), \"respondentKind\" varchar(24) NOT NULL, \"respondentName\" varchar(64) NOT NULL, \"respondentPhone\" varchar(20), \"source\" varchar(24) NOT NULL, \"urgency\" varchar(16) NOT NULL, \"petitionNo\" varchar(64), \"petitioner\" varchar(64), \"petitionerPhone\" varchar(20), \"petitionForm\" varchar(16), \"petitionDate\" varchar(10), \"petitionCollective\" boolean, \"petitionCategory\" varchar(16), \"deadline\" varchar(10) NOT NULL, \"status\" varchar(24) NOT NULL, \"closed\" boolean NOT NULL DEFAULT (0), \"withStreet\" boolean NOT NULL DEFAULT (0), \"transferredAt\" datetime, \"transferCount\" integer NOT NULL DEFAULT (0), \"sendBackCount\" integer NOT NULL DEFAULT (0), \"disposal\" varchar(16), \"outcome\" varchar(24), \"repliedAt\" varchar(10), \"handlingNote\" varchar(1000), \"issues\" varchar(1000), \"handledById\" integer, \"closedAt\" datetime, \"followUp\" boolean NOT NULL DEFAULT (0), \"handlingDays\" integer, \"enteredAt\" datetime NOT NULL, \"enteredById\" integer NOT NULL, \"enteredByName\" varchar(32) NOT NULL, \"importBatchId\" integer, \"version\" integer NOT NULL, \"remindedBeforeFor\" varchar(10), \"remindedDueFor\" varchar(10), \"createdAt\" datetime NOT NULL DEFAULT (datetime('now')), \"updatedAt\" datetime NOT NULL DEFAULT (datetime('now')))");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_c16deb2018656862201c967e2f\" ON \"dispute_cases\" (\"workflowCaseId\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_4c48c2844a420018dfa435111c\" ON \"dispute_cases\" (\"businessNo\") ");
    await queryRunner.query("CREATE INDEX \"IDX_dfbc8ee0fc0d16ee761f686bac\" ON \"dispute_cases\" (\"importBatchId\") ");
    await queryRunner.query("CREATE INDEX \"IDX_9ece4b19173d5d7fb0ac19900f\" ON \"dispute_cases\" (\"closed\", \"deadline\") ");
    await queryRunner.query("CREATE INDEX \"IDX_608f73edc0131adc1d4f5dab95\" ON \"dispute_cases\" (\"communityId\", \"enteredAt\") ");
    await queryRunner.query("CREATE INDEX \"IDX_1d9906dbcc2e13f03a13910cb8\" ON \"dispute_cases\" (\"petitionerPhone\", \"enteredAt\") ");
    await queryRunner.query("CREATE INDEX \"IDX_8bda09553d8ca054a07da1123f\" ON \"dispute_cases\" (\"propertyAreaId\", \"categoryId\", \"enteredAt\") ");
    await queryRunner.query("CREATE INDEX \"IDX_f59cf2b04c5683121b40d87f87\" ON \"dispute_cases\" (\"districtId\", \"categoryId\", \"enteredAt\") ");
    await queryRunner.query("CREATE INDEX \"IDX_e7c385a5faf7dbb2f0e830c425\" ON \"dispute_cases\" (\"streetId\", \"enteredAt\") ");
    await queryRunner.query("CREATE INDEX \"IDX_ea68600d9649537b438e6b8f7c\" ON \"dispute_cases\" (\"streetId\", \"closed\", \"enteredAt\") ");
    await queryRunner.query("CREATE INDEX \"IDX_b6887d811fb978c2516dc6dee1\" ON \"dispute_cases\" (\"districtId\", \"closed\", \"deadline\") ");
    await queryRunner.query("CREATE INDEX \"IDX_d1df959f6750e9502a03f96dc9\" ON \"dispute_cases\" (\"districtId\", \"enteredAt\") ");
    await queryRunner.query("CREATE INDEX \"IDX_e40162709a09b37b7aeaba74dd\" ON \"dispute_cases\" (\"districtId\", \"closed\", \"enteredAt\") ");
    await queryRunner.query("CREATE TABLE \"dispute_categories\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"name\" varchar(64) NOT NULL, \"timeLimitWorkingDays\" integer NOT NULL, \"active\" boolean NOT NULL DEFAULT (1), \"sortOrder\" integer NOT NULL DEFAULT (0))");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_ab249c6a5a054033141e01a44b\" ON \"dispute_categories\" (\"name\") ");
    await queryRunner.query("CREATE TABLE \"dispute_import_batches\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"batchNo\" varchar(32) NOT NULL, \"districtId\" integer NOT NULL, \"fileName\" varchar(255) NOT NULL, \"rows\" integer NOT NULL, \"importedById\" integer NOT NULL, \"importedByName\" varchar(32) NOT NULL, \"createdAt\" datetime NOT NULL DEFAULT (datetime('now')))");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_d36cf6635a22cb361c00d79cdb\" ON \"dispute_import_batches\" (\"batchNo\") ");
    await queryRunner.query("CREATE INDEX \"IDX_338547af507b4065894987eeb6\" ON \"dispute_import_batches\" (\"districtId\", \"createdAt\") ");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"IDX_338547af507b4065894987eeb6\"");
    await queryRunner.query("DROP INDEX \"IDX_d36cf6635a22cb361c00d79cdb\"");
    await queryRunner.query("DROP TABLE \"dispute_import_batches\"");
    await queryRunner.query("DROP INDEX \"IDX_ab249c6a5a054033141e01a44b\"");
    await queryRunner.query("DROP TABLE \"dispute_categories\"");
    await queryRunner.query("DROP INDEX \"IDX_e40162709a09b37b7aeaba74dd\"");
    await queryRunner.query("DROP INDEX \"IDX_d1df959f6750e9502a03f96dc9\"");
    await queryRunner.query("DROP INDEX \"IDX_b6887d811fb978c2516dc6dee1\"");
    await queryRunner.query("DROP INDEX \"IDX_ea68600d9649537b438e6b8f7c\"");
    await queryRunner.query("DROP INDEX \"IDX_e7c385a5faf7dbb2f0e830c425\"");
    await queryRunner.query("DROP INDEX \"IDX_f59cf2b04c5683121b40d87f87\"");
    await queryRunner.query("DROP INDEX \"IDX_8bda09553d8ca054a07da1123f\"");
    await queryRunner.query("DROP INDEX \"IDX_1d9906dbcc2e13f03a13910cb8\"");
    await queryRunner.query("DROP INDEX \"IDX_608f73edc0131adc1d4f5dab95\"");
    await queryRunner.query("DROP INDEX \"IDX_9ece4b19173d5d7fb0ac19900f\"");
    await queryRunner.query("DROP INDEX \"IDX_dfbc8ee0fc0d16ee761f686bac\"");
    await queryRunner.query("DROP INDEX \"IDX_4c48c2844a420018dfa435111c\"");
    await queryRunner.query("DROP INDEX \"IDX_c16deb2018656862201c967e2f\"");
    await queryRunner.query("DROP TABLE \"dispute_cases\"");
  }
}
