import { MigrationInterface, QueryRunner } from 'typeorm';

/** Chapter 11: the daily feed pull's record on each account (last pull, last answer) and its index. */
export class CommonFundFeedSchedule1797650000000 implements MigrationInterface {
  name = 'CommonFundFeedSchedule1797650000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "common_fund_accounts" ADD COLUMN "lastPulledAt" datetime');
    await queryRunner.query('ALTER TABLE "common_fund_accounts" ADD COLUMN "feedSeenAt" datetime');
    // the accounts' feed as of the migration: last seen with their last transaction (or registration)
    await queryRunner.query('UPDATE "common_fund_accounts" SET "feedSeenAt" = COALESCE("lastTransactionAt", "registeredAt"), "lastPulledAt" = datetime(\'now\')');
    await queryRunner.query('CREATE INDEX "IDX_6192e8d8724573126648f23ceb" ON "common_fund_accounts" ("status", "lastPulledAt") ');
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "IDX_6192e8d8724573126648f23ceb"');
    await queryRunner.query('ALTER TABLE "common_fund_accounts" DROP COLUMN "feedSeenAt"');
    await queryRunner.query('ALTER TABLE "common_fund_accounts" DROP COLUMN "lastPulledAt"');
  }
}
