import { MigrationInterface, QueryRunner } from 'typeorm';

export class AuditRefusedWrites1796115144803 implements MigrationInterface {
  name = 'AuditRefusedWrites1796115144803';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"IDX_678217ebecd415a0db47435d15\"");
    await queryRunner.query("DROP INDEX \"IDX_61614f246ac701597f688946b9\"");
    await queryRunner.query("DROP INDEX \"IDX_c69efb19bf127c97e6740ad530\"");
    await queryRunner.query("CREATE TABLE \"temporary_audit_logs\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"actorId\" integer, \"onBehalfOfId\" integer, \"districtId\" integer, \"action\" varchar(128) NOT NULL, \"targetType\" varchar(64), \"targetId\" varchar(64), \"method\" varchar(8) NOT NULL, \"path\" varchar(255) NOT NULL, \"statusCode\" integer NOT NULL, \"requestId\" varchar(64) NOT NULL, \"ip\" varchar(64), \"createdAt\" datetime NOT NULL DEFAULT (datetime('now')), \"outcome\" varchar(16) NOT NULL DEFAULT ('succeeded'), \"errorCode\" varchar(64))");
    await queryRunner.query("INSERT INTO \"temporary_audit_logs\"(\"id\", \"actorId\", \"onBehalfOfId\", \"districtId\", \"action\", \"targetType\", \"targetId\", \"method\", \"path\", \"statusCode\", \"requestId\", \"ip\", \"createdAt\") SELECT \"id\", \"actorId\", \"onBehalfOfId\", \"districtId\", \"action\", \"targetType\", \"targetId\", \"method\", \"path\", \"statusCode\", \"requestId\", \"ip\", \"createdAt\" FROM \"audit_logs\"");
    await queryRunner.query("DROP TABLE \"audit_logs\"");
    await queryRunner.query("ALTER TABLE \"temporary_audit_logs\" RENAME TO \"audit_logs\"");
    await queryRunner.query("CREATE INDEX \"IDX_678217ebecd415a0db47435d15\" ON \"audit_logs\" (\"actorId\", \"createdAt\") ");
    await queryRunner.query("CREATE INDEX \"IDX_61614f246ac701597f688946b9\" ON \"audit_logs\" (\"targetType\", \"targetId\") ");
    await queryRunner.query("CREATE INDEX \"IDX_c69efb19bf127c97e6740ad530\" ON \"audit_logs\" (\"createdAt\") ");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"IDX_c69efb19bf127c97e6740ad530\"");
    await queryRunner.query("DROP INDEX \"IDX_61614f246ac701597f688946b9\"");
    await queryRunner.query("DROP INDEX \"IDX_678217ebecd415a0db47435d15\"");
    await queryRunner.query("ALTER TABLE \"audit_logs\" RENAME TO \"temporary_audit_logs\"");
    await queryRunner.query("CREATE TABLE \"audit_logs\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"actorId\" integer, \"onBehalfOfId\" integer, \"districtId\" integer, \"action\" varchar(128) NOT NULL, \"targetType\" varchar(64), \"targetId\" varchar(64), \"method\" varchar(8) NOT NULL, \"path\" varchar(255) NOT NULL, \"statusCode\" integer NOT NULL, \"requestId\" varchar(64) NOT NULL, \"ip\" varchar(64), \"createdAt\" datetime NOT NULL DEFAULT (datetime('now')))");
    await queryRunner.query("INSERT INTO \"audit_logs\"(\"id\", \"actorId\", \"onBehalfOfId\", \"districtId\", \"action\", \"targetType\", \"targetId\", \"method\", \"path\", \"statusCode\", \"requestId\", \"ip\", \"createdAt\") SELECT \"id\", \"actorId\", \"onBehalfOfId\", \"districtId\", \"action\", \"targetType\", \"targetId\", \"method\", \"path\", \"statusCode\", \"requestId\", \"ip\", \"createdAt\" FROM \"temporary_audit_logs\"");
    await queryRunner.query("DROP TABLE \"temporary_audit_logs\"");
    await queryRunner.query("CREATE INDEX \"IDX_c69efb19bf127c97e6740ad530\" ON \"audit_logs\" (\"createdAt\") ");
    await queryRunner.query("CREATE INDEX \"IDX_61614f246ac701597f688946b9\" ON \"audit_logs\" (\"targetType\", \"targetId\") ");
    await queryRunner.query("CREATE INDEX \"IDX_678217ebecd415a0db47435d15\" ON \"audit_logs\" (\"actorId\", \"createdAt\") ");
  }
}
