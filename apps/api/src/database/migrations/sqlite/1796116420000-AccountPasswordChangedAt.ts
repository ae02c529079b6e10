import { MigrationInterface, QueryRunner } from 'typeorm';

export class AccountPasswordChangedAt1796116420000 implements MigrationInterface {
  name = 'AccountPasswordChangedAt1796116420000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"accounts\" ADD COLUMN \"passwordChangedAt\" datetime");
    // accounts that exist now count as having set their password when they were created: the new rule locks nobody out
    await queryRunner.query("UPDATE \"accounts\" SET \"passwordChangedAt\" = \"createdAt\"");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"accounts\" DROP COLUMN \"passwordChangedAt\"");
  }
}
