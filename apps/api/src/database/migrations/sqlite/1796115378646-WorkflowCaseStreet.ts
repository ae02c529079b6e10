import { MigrationInterface, QueryRunner } from 'typeorm';

export class WorkflowCaseStreet1796115378646 implements MigrationInterface {
  name = 'WorkflowCaseStreet1796115378646';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"IDX_a479eeba08a8248c1856239396\"");
    await queryRunner.query("DROP INDEX \"IDX_4a58e810188b48d115e61729e2\"");
    await queryRunner.query("DROP INDEX \"IDX_035299a21ba4319ad2d4a19acc\"");
    await queryRunner.query("DROP INDEX \"IDX_fed6b2e51157489c2a3ad528eb\"");
    await queryRunner.query("DROP INDEX \"IDX_d9b7f5fc0f92a2d3d1c8bfafc5\"");
    await queryRunner.query("CREATE TABLE \"temporary_workflow_cases\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"businessNo\" varchar(32) NOT NULL, \"formType\" varchar(64) NOT NULL, \"origin\" varchar(16) NOT NULL, \"status\" varchar(24) NOT NULL, \"districtId\" integer NOT NULL, \"subjectType\" varchar(32), \"subjectId\" integer, \"subjectName\" varchar(128), \"title\" varchar(200) NOT NULL, \"payload\" text NOT NULL, \"originalPayload\" text NOT NULL, \"initiatorId\" integer NOT NULL, \"initiatorName\" varchar(32) NOT NULL, \"initiatorRole\" varchar(32) NOT NULL, \"initiatorUnitCategory\" varchar(32), \"initiatorUnitId\" integer, \"entryActorId\" integer, \"version\" integer NOT NULL DEFAULT (1), \"createdAt\" datetime NOT NULL DEFAULT (datetime('now')), \"updatedAt\" datetime NOT NULL DEFAULT (datetime('now')), \"finishedAt\" datetime, \"streetId\" integer)");
    await queryRunner.query("INSERT INTO \"temporary_workflow_cases\"(\"id\", \"businessNo\", \"formType\", \"origin\", \"status\", \"districtId\", \"subjectType\", \"subjectId\", \"subjectName\", \"title\", \"payload\", \"originalPayload\", \"initiatorId\", \"initiatorName\", \"initiatorRole\", \"initiatorUnitCategory\", \"initiatorUnitId\", \"entryActorId\", \"version\", \"createdAt\", \"updatedAt\", \"finishedAt\") SELECT \"id\", \"businessNo\", \"formType\", \"origin\", \"status\", \"districtId\", \"subjectType\", \"subjectId\", \"subjectName\", \"title\", \"payload\", \"originalPayload\", \"initiatorId\", \"initiatorName\", \"initiatorRole\", \"initiatorUnitCategory\", \"initiatorUnitId\", \"entryActorId\", \"version\", \"createdAt\", \"updatedAt\", \"finishedAt\" FROM \"workflow_cases\"");
    await queryRunner.query("DROP TABLE \"workflow_cases\"");
    await queryRunner.query("ALTER TABLE \"temporary_workflow_cases\" RENAME TO \"workflow_cases\"");
    await queryRunner.query("CREATE INDEX \"IDX_a479eeba08a8248c1856239396\" ON \"workflow_cases\" (\"districtId\", \"status\", \"formType\") ");
    await queryRunner.query("CREATE INDEX \"IDX_4a58e810188b48d115e61729e2\" ON \"workflow_cases\" (\"districtId\", \"createdAt\") ");
    await queryRunner.query("CREATE INDEX \"IDX_035299a21ba4319ad2d4a19acc\" ON \"workflow_cases\" (\"initiatorId\") ");
    await queryRunner.query("CREATE INDEX \"IDX_fed6b2e51157489c2a3ad528eb\" ON \"workflow_cases\" (\"subjectType\", \"subjectId\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_d9b7f5fc0f92a2d3d1c8bfafc5\" ON \"workflow_cases\" (\"businessNo\") ");
    await queryRunner.query("CREATE INDEX \"IDX_d08ad024a5c804dd19efa464b1\" ON \"workflow_cases\" (\"streetId\", \"status\") ");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"IDX_d08ad024a5c804dd19efa464b1\"");
    await queryRunner.query("DROP INDEX \"IDX_d9b7f5fc0f92a2d3d1c8bfafc5\"");
    await queryRunner.query("DROP INDEX \"IDX_fed6b2e51157489c2a3ad528eb\"");
    await queryRunner.query("DROP INDEX \"IDX_035299a21ba4319ad2d4a19acc\"");
    await queryRunner.query("DROP INDEX \"IDX_4a58e810188b48d115e61729e2\"");
    await queryRunner.query("DROP INDEX \"IDX_a479eeba08a8248c1856239396\"");
    await queryRunner.query("ALTER TABLE \"workflow_cases\" RENAME TO \"temporary_workflow_cases\"");
    await queryRunner.query("CREATE TABLE \"workflow_cases\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"businessNo\" varchar(32) NOT NULL, \"formType\" varchar(64) NOT NULL, \"origin\" varchar(16) NOT NULL, \"status\" varchar(24) NOT NULL, \"districtId\" integer NOT NULL, \"subjectType\" varchar(32), \"subjectId\" integer, \"subjectName\" varchar(128), \"title\" varchar(200) NOT NULL, \"payload\" text NOT NULL, \"originalPayload\" text NOT NULL, \"initiatorId\" integer NOT NULL, \"initiatorName\" varchar(32) NOT NULL, \"initiatorRole\" varchar(32) NOT NULL, \"initiatorUnitCategory\" varchar(32), \"initiatorUnitId\" integer, \"entryActorId\" integer, \"version\" integer NOT NULL DEFAULT (1), \"createdAt\" datetime NOT NULL DEFAULT (datetime('now')), \"updatedAt\" datetime NOT NULL DEFAULT (datetime('now')), \"finishedAt\" datetime)");
    await queryRunner.query("INSERT INTO \"workflow_cases\"(\"id\", \"businessNo\", \"formType\", \"origin\", \"status\", \"districtId\", \"subjectType\", \"subjectId\", \"subjectName\", \"title\", \"payload\", \"originalPayload\", \"initiatorId\", \"initiatorName\", \"initiatorRole\", \"initiatorUnitCategory\", \"initiatorUnitId\", \"entryActorId\", \"version\", \"createdAt\", \"updatedAt\", \"finishedAt\") SELECT \"id\", \"businessNo\", \"formType\", \"origin\", \"status\", \"districtId\", \"subjectType\", \"subjectId\", \"subjectName\", \"title\", \"payload\", \"originalPayload\", \"initiatorId\", \"initiatorName\", \"initiatorRole\", \"initiatorUnitCategory\", \"initiatorUnitId\", \"entryActorId\", \"version\", \"createdAt\", \"updatedAt\", \"finishedAt\" FROM \"temporary_workflow_cases\"");
    await queryRunner.query("DROP TABLE \"temporary_workflow_cases\"");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_d9b7f5fc0f92a2d3d1c8bfafc5\" ON \"workflow_cases\" (\"businessNo\") ");
    await queryRunner.query("CREATE INDEX \"IDX_fed6b2e51157489c2a3ad528eb\" ON \"workflow_cases\" (\"subjectType\", \"subjectId\") ");
    await queryRunner.query("CREATE INDEX \"IDX_035299a21ba4319ad2d4a19acc\" ON \"workflow_cases\" (\"initiatorId\") ");
    await queryRunner.query("CREATE INDEX \"IDX_4a58e810188b48d115e61729e2\" ON \"workflow_cases\" (\"districtId\", \"createdAt\") ");
    await queryRunner.query("CREATE INDEX \"IDX_a479eeba08a8248c1856239396\" ON \"workflow_cases\" (\"districtId\", \"status\", \"formType\") ");
  }
}
