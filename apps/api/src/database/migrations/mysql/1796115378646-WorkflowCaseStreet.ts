import { MigrationInterface, QueryRunner } from 'typeorm';

export class WorkflowCaseStreet1796115378646 implements MigrationInterface {
  name = 'WorkflowCaseStreet1796115378646';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE `workflow_cases` ADD `streetId` int NULL");
    await queryRunner.query("CREATE INDEX `IDX_d08ad024a5c804dd19efa464b1` ON `workflow_cases` (`streetId`, `status`)");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX `IDX_d08ad024a5c804dd19efa464b1` ON `workflow_cases`");
    await queryRunner.query("ALTER TABLE `workflow_cases` DROP COLUMN `streetId`");
  }
}
