import { MigrationInterface, QueryRunner } from 'typeorm';

export class IdentityLookupFailures1795682122253 implements MigrationInterface {
  name = 'IdentityLookupFailures1795682122253';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE `identity_lookup_failures` (`id` int NOT NULL AUTO_INCREMENT, `openid` varchar(64) NOT NULL, `failedAt` datetime NOT NULL, INDEX `IDX_c7c229de81b17a87991b586744` (`openid`, `failedAt`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX `IDX_c7c229de81b17a87991b586744` ON `identity_lookup_failures`");
    await queryRunner.query("DROP TABLE `identity_lookup_failures`");
  }
}
