import { MigrationInterface, QueryRunner } from 'typeorm';

/** Chapter 11 共有资金: the shared-bank dictionary, the accounts, their feed transactions and issues, the overdue cases and their timelines. */
export class CommonFunds1797300000000 implements MigrationInterface {
  name = 'CommonFunds1797300000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"common_fund_accounts\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"districtId\" integer NOT NULL, \"streetId\" integer NOT NULL, \"communityId\" integer NOT NULL, \"propertyAreaId\" integer NOT NULL, \"accountType\" varchar(16) NOT NULL, \"accountNo\" varchar(32) NOT NULL, \"accountName\" varchar(128) NOT NULL, \"bankId\" integer NOT NULL, \"bankName\" varchar(64) NOT NULL, \"status\" varchar(16) NOT NULL, \"registrantType\" varchar(24) NOT NULL, \"registrant\" varchar(32) NOT NULL, \"registeredAt\" datetime NOT NULL, \"registeredById\" integer, \"balance\" decimal(16,2) NOT NULL DEFAULT (0), \"lastSeq\" integer NOT NULL DEFAULT (0), \"lastTransactionAt\" datetime, \"feedAbnormal\" boolean NOT NULL DEFAULT (0), \"createdAt\" datetime NOT NULL DEFAULT (datetime('now')), \"updatedAt\" datetime NOT NULL DEFAULT (datetime('now')))");
    await queryRunner.query("CREATE INDEX \"IDX_ba170b831518a2ee59946b5396\" ON \"common_fund_accounts\" (\"propertyAreaId\")");
    await queryRunner.query("CREATE INDEX \"IDX_c27e39f2c643b94b6d60a72249\" ON \"common_fund_accounts\" (\"districtId\", \"propertyAreaId\")");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_e0af3b0b1c479ef67d49845435\" ON \"common_fund_accounts\" (\"bankId\", \"accountNo\")");
    await queryRunner.query("CREATE TABLE \"common_fund_cases\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"districtId\" integer NOT NULL, \"streetId\" integer NOT NULL, \"communityId\" integer NOT NULL, \"propertyAreaId\" integer NOT NULL, \"openAreaId\" integer, \"stage\" varchar(24) NOT NULL, \"triggerDate\" varchar(10) NOT NULL, \"dueDate\" varchar(10) NOT NULL, \"orderNo\" varchar(64), \"orderDate\" varchar(10), \"rectifyDeadline\" varchar(10), \"penaltyNo\" varchar(64), \"penaltyDate\" varchar(10), \"penaltyAmount\" decimal(14,2), \"closedAt\" datetime, \"createdAt\" datetime NOT NULL DEFAULT (datetime('now')), \"updatedAt\" datetime NOT NULL DEFAULT (datetime('now')))");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_4aa32d0c0ffed34147b9b3a715\" ON \"common_fund_cases\" (\"openAreaId\")");
    await queryRunner.query("CREATE INDEX \"IDX_019bfa9b5d1d4b92471d9dff3b\" ON \"common_fund_cases\" (\"stage\", \"rectifyDeadline\")");
    await queryRunner.query("CREATE INDEX \"IDX_915e6de73d3075b79bea649ebf\" ON \"common_fund_cases\" (\"propertyAreaId\")");
    await queryRunner.query("CREATE INDEX \"IDX_084123686ddbfe42d18c7cdded\" ON \"common_fund_cases\" (\"districtId\", \"stage\")");
    await queryRunner.query("CREATE TABLE \"common_fund_case_events\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"caseId\" integer NOT NULL, \"stage\" varchar(24) NOT NULL, \"at\" datetime NOT NULL, \"actorId\" integer, \"actorName\" varchar(32), \"note\" varchar(500) NOT NULL)");
    await queryRunner.query("CREATE INDEX \"IDX_f2d4ac818a22f86ab804c13b66\" ON \"common_fund_case_events\" (\"caseId\", \"at\")");
    await queryRunner.query("CREATE TABLE \"common_fund_feed_issues\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"accountId\" integer NOT NULL, \"kind\" varchar(24) NOT NULL, \"detail\" varchar(500) NOT NULL, \"expectedSeq\" integer NOT NULL, \"receivedSeq\" integer, \"detectedAt\" datetime NOT NULL, \"resolvedAt\" datetime)");
    await queryRunner.query("CREATE INDEX \"IDX_49841501a496ec629e7235bf69\" ON \"common_fund_feed_issues\" (\"accountId\", \"resolvedAt\")");
    await queryRunner.query("CREATE TABLE \"common_fund_transactions\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"accountId\" integer NOT NULL, \"seq\" integer NOT NULL, \"transTime\" datetime NOT NULL, \"direction\" varchar(8) NOT NULL, \"amount\" decimal(14,2) NOT NULL, \"balance\" decimal(16,2) NOT NULL, \"summary\" varchar(128) NOT NULL)");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_3eca771dc39147cbfb1d82e4ea\" ON \"common_fund_transactions\" (\"accountId\", \"seq\")");
    await queryRunner.query("CREATE TABLE \"shared_banks\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"code\" varchar(16) NOT NULL, \"name\" varchar(64) NOT NULL, \"sortOrder\" integer NOT NULL DEFAULT (0))");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_8988ba5b263550108c939bc1e2\" ON \"shared_banks\" (\"code\")");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_298c3425433c4490258c8aa9d5\" ON \"shared_banks\" (\"name\")");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"IDX_298c3425433c4490258c8aa9d5\"");
    await queryRunner.query("DROP INDEX \"IDX_8988ba5b263550108c939bc1e2\"");
    await queryRunner.query("DROP TABLE \"shared_banks\"");
    await queryRunner.query("DROP INDEX \"IDX_3eca771dc39147cbfb1d82e4ea\"");
    await queryRunner.query("DROP TABLE \"common_fund_transactions\"");
    await queryRunner.query("DROP INDEX \"IDX_49841501a496ec629e7235bf69\"");
    await queryRunner.query("DROP TABLE \"common_fund_feed_issues\"");
    await queryRunner.query("DROP INDEX \"IDX_f2d4ac818a22f86ab804c13b66\"");
    await queryRunner.query("DROP TABLE \"common_fund_case_events\"");
    await queryRunner.query("DROP INDEX \"IDX_084123686ddbfe42d18c7cdded\"");
    await queryRunner.query("DROP INDEX \"IDX_915e6de73d3075b79bea649ebf\"");
    await queryRunner.query("DROP INDEX \"IDX_019bfa9b5d1d4b92471d9dff3b\"");
    await queryRunner.query("DROP INDEX \"IDX_4aa32d0c0ffed34147b9b3a715\"");
    await queryRunner.query("DROP TABLE \"common_fund_cases\"");
    await queryRunner.query("DROP INDEX \"IDX_e0af3b0b1c479ef67d49845435\"");
    await queryRunner.query("DROP INDEX \"IDX_c27e39f2c643b94b6d60a72249\"");
    await queryRunner.query("DROP INDEX \"IDX_ba170b831518a2ee59946b5396\"");
    await queryRunner.query("DROP TABLE \"common_fund_accounts\"");
  }
}
