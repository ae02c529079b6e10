import { MigrationInterface, QueryRunner } from 'typeorm';

export class AuditRefusedWrites1796115144803 implements MigrationInterface {
  name = 'AuditRefusedWrites1796115144803';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE `audit_logs` ADD `outcome` varchar(16) NOT NULL DEFAULT 'succeeded'");
    await queryRunner.query("ALTER TABLE `audit_logs` ADD `errorCode` varchar(64) NULL");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE `audit_logs` DROP COLUMN `errorCode`");
    await queryRunner.query("ALTER TABLE `audit_logs` DROP COLUMN `outcome`");
  }
}
