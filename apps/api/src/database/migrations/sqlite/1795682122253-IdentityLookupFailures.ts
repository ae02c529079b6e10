import { MigrationInterface, QueryRunner } from 'typeorm';

export class IdentityLookupFailures1795682122253 implements MigrationInterface {
  name = 'IdentityLookupFailures1795682122253';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"identity_lookup_failures\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"openid\" varchar(64) NOT NULL, \"failedAt\" datetime NOT NULL)");
    await queryRunner.query("CREATE INDEX \"IDX_c7c229de81b17a87991b586744\" ON \"identity_lookup_failures\" (\"openid\", \"failedAt\") ");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"IDX_c7c229de81b17a87991b586744\"");
    await queryRunner.query("DROP TABLE \"identity_lookup_failures\"");
  }
}
