import { MigrationInterface, QueryRunner } from 'typeorm';

export class DropAccountLastUrgedToBindAt1796115350093 implements MigrationInterface {
  name = 'DropAccountLastUrgedToBindAt1796115350093';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"IDX_895cbcd42cd0ff41564390774d\"");
    await queryRunner.query("DROP INDEX \"IDX_3899caf1b839f2ead8e64f14b5\"");
    await queryRunner.query("DROP INDEX \"IDX_b194be30a92bf7c9b8c3164ce6\"");
    await queryRunner.query("DROP INDEX \"IDX_bde193100dff0f0e352364102e\"");
    await queryRunner.query("DROP INDEX \"IDX_41704a57004fc60242d7996bd8\"");
    await queryRunner.query("DROP INDEX \"IDX_2db43cdbf7bb862e577b5f540c\"");
    await queryRunner.query("DROP INDEX \"IDX_477e3187cedfb5a3ac121e899c\"");
    await queryRunner.query("CREATE TABLE \"temporary_accounts\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"username\" varchar(64) NOT NULL, \"passwordHash\" varchar(100) NOT NULL, \"name\" varchar(32) NOT NULL, \"phone\" varchar(20) NOT NULL, \"role\" varchar(32) NOT NULL, \"districtId\" integer, \"streetId\" integer, \"unitCategory\" varchar(32), \"unitId\" integer, \"status\" varchar(16) NOT NULL DEFAULT ('ACTIVE'), \"position\" varchar(64), \"email\" varchar(128), \"avatarUrl\" varchar(255), \"wechatOpenId\" varchar(64), \"miniOpenId\" varchar(64), \"boundAt\" datetime, \"failedLoginCount\" integer NOT NULL DEFAULT (0), \"lockedUntil\" datetime, \"lastLoginAt\" datetime, \"cancelledAt\" datetime, \"createdById\" integer, \"version\" integer NOT NULL, \"createdAt\" datetime NOT NULL DEFAULT (datetime('now')), \"updatedAt\" datetime NOT NULL DEFAULT (datetime('now')))");
    await queryRunner.query("INSERT INTO \"temporary_accounts\"(\"id\", \"username\", \"passwordHash\", \"name\", \"phone\", \"role\", \"districtId\", \"streetId\", \"unitCategory\", \"unitId\", \"status\", \"position\", \"email\", \"avatarUrl\", \"wechatOpenId\", \"miniOpenId\", \"boundAt\", \"failedLoginCount\", \"lockedUntil\", \"lastLoginAt\", \"cancelledAt\", \"createdById\", \"version\", \"createdAt\", \"updatedAt\") SELECT \"id\", \"username\", \"passwordHash\", \"name\", \"phone\", \"role\", \"districtId\", \"streetId\", \"unitCategory\", \"unitId\", \"status\", \"position\", \"email\", \"avatarUrl\", \"wechatOpenId\", \"miniOpenId\", \"boundAt\", \"failedLoginCount\", \"lockedUntil\", \"lastLoginAt\", \"cancelledAt\", \"createdById\", \"version\", \"createdAt\", \"updatedAt\" FROM \"accounts\"");
    await queryRunner.query("DROP TABLE \"accounts\"");
    await queryRunner.query("ALTER TABLE \"temporary_accounts\" RENAME TO \"accounts\"");
    await queryRunner.query("CREATE INDEX \"IDX_895cbcd42cd0ff41564390774d\" ON \"accounts\" (\"districtId\", \"role\") ");
    await queryRunner.query("CREATE INDEX \"IDX_3899caf1b839f2ead8e64f14b5\" ON \"accounts\" (\"unitCategory\", \"unitId\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_b194be30a92bf7c9b8c3164ce6\" ON \"accounts\" (\"miniOpenId\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_bde193100dff0f0e352364102e\" ON \"accounts\" (\"wechatOpenId\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_41704a57004fc60242d7996bd8\" ON \"accounts\" (\"phone\") ");
    await queryRunner.query("CREATE INDEX \"IDX_2db43cdbf7bb862e577b5f540c\" ON \"accounts\" (\"name\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_477e3187cedfb5a3ac121e899c\" ON \"accounts\" (\"username\") ");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"IDX_477e3187cedfb5a3ac121e899c\"");
    await queryRunner.query("DROP INDEX \"IDX_2db43cdbf7bb862e577b5f540c\"");
    await queryRunner.query("DROP INDEX \"IDX_41704a57004fc60242d7996bd8\"");
    await queryRunner.query("DROP INDEX \"IDX_bde193100dff0f0e352364102e\"");
    await queryRunner.query("DROP INDEX \"IDX_b194be30a92bf7c9b8c3164ce6\"");
    await queryRunner.query("DROP INDEX \"IDX_3899caf1b839f2ead8e64f14b5\"");
    await queryRunner.query("DROP INDEX \"IDX_895cbcd42cd0ff41564390774d\"");
    await queryRunner.query("ALTER TABLE \"accounts\" RENAME TO \"temporary_accounts\"");
    await queryRunner.query("CREATE TABLE \"accounts\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"username\" varchar(64) NOT NULL, \"passwordHash\" varchar(100) NOT NULL, \"name\" varchar(32) NOT NULL, \"phone\" varchar(20) NOT NULL, \"role\" varchar(32) NOT NULL, \"districtId\" integer, \"streetId\" integer, \"unitCategory\" varchar(32), \"unitId\" integer, \"status\" varchar(16) NOT NULL DEFAULT ('ACTIVE'), \"position\" varchar(64), \"email\" varchar(128), \"avatarUrl\" varchar(255), \"wechatOpenId\" varchar(64), \"miniOpenId\" varchar(64), \"boundAt\" datetime, \"failedLoginCount\" integer NOT NULL DEFAULT (0), \"lockedUntil\" datetime, \"lastLoginAt\" datetime, \"cancelledAt\" datetime, \"lastUrgedToBindAt\" datetime, \"createdById\" integer, \"version\" integer NOT NULL, \"createdAt\" datetime NOT NULL DEFAULT (datetime('now')), \"updatedAt\" datetime NOT NULL DEFAULT (datetime('now')))");
    await queryRunner.query("INSERT INTO \"accounts\"(\"id\", \"username\", \"passwordHash\", \"name\", \"phone\", \"role\", \"districtId\", \"streetId\", \"unitCategory\", \"unitId\", \"status\", \"position\", \"email\", \"avatarUrl\", \"wechatOpenId\", \"miniOpenId\", \"boundAt\", \"failedLoginCount\", \"lockedUntil\", \"lastLoginAt\", \"cancelledAt\", \"createdById\", \"version\", \"createdAt\", \"updatedAt\") SELECT \"id\", \"username\", \"passwordHash\", \"name\", \"phone\", \"role\", \"districtId\", \"streetId\", \"unitCategory\", \"unitId\", \"status\", \"position\", \"email\", \"avatarUrl\", \"wechatOpenId\", \"miniOpenId\", \"boundAt\", \"failedLoginCount\", \"lockedUntil\", \"lastLoginAt\", \"cancelledAt\", \"createdById\", \"version\", \"createdAt\", \"updatedAt\" FROM \"temporary_accounts\"");
    await queryRunner.query("DROP TABLE \"temporary_accounts\"");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_477e3187cedfb5a3ac121e899c\" ON \"accounts\" (\"username\") ");
    await queryRunner.query("CREATE INDEX \"IDX_2db43cdbf7bb862e577b5f540c\" ON \"accounts\" (\"name\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_41704a57004fc60242d7996bd8\" ON \"accounts\" (\"phone\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_bde193100dff0f0e352364102e\" ON \"accounts\" (\"wechatOpenId\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_b194be30a92bf7c9b8c3164ce6\" ON \"accounts\" (\"miniOpenId\") ");
    await queryRunner.query("CREATE INDEX \"IDX_3899caf1b839f2ead8e64f14b5\" ON \"accounts\" (\"unitCategory\", \"unitId\") ");
    await queryRunner.query("CREATE INDEX \"IDX_895cbcd42cd0ff41564390774d\" ON \"accounts\" (\"districtId\", \"role\") ");
  }
}
