import { MigrationInterface, QueryRunner } from 'typeorm';

export class DropAccountLastUrgedToBindAt1796115350093 implements MigrationInterface {
  name = 'DropAccountLastUrgedToBindAt1796115350093';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE `accounts` DROP COLUMN `lastUrgedToBindAt`");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE `accounts` ADD `lastUrgedToBindAt` datetime NULL");
  }
}
