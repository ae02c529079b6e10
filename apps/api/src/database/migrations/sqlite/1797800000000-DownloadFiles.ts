import { MigrationInterface, QueryRunner } from 'typeorm';

/** 下载列表: background exports, their progress and the finished files until they expire. */
export class DownloadFiles1797800000000 implements MigrationInterface {
  name = 'DownloadFiles1797800000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('CREATE TABLE "download_files" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "accountId" integer NOT NULL, "activeAccountId" integer, "kind" varchar(64) NOT NULL, "fileName" varchar(200) NOT NULL, "status" varchar(16) NOT NULL DEFAULT (\'QUEUED\'), "params" text NOT NULL, "rowsWritten" integer NOT NULL DEFAULT (0), "rowsTotal" integer, "sizeBytes" integer, "storagePath" varchar(255), "error" varchar(255), "createdAt" datetime NOT NULL DEFAULT (datetime(\'now\')), "startedAt" datetime, "heartbeatAt" datetime, "finishedAt" datetime, "expiresAt" datetime, "attempts" integer NOT NULL DEFAULT (0))');
    await queryRunner.query('CREATE UNIQUE INDEX "IDX_17606328d3381af6d937f9b0e9" ON "download_files" ("activeAccountId") ');
    await queryRunner.query('CREATE INDEX "IDX_a0f6552dca11f4b58559bfc7bd" ON "download_files" ("status") ');
    await queryRunner.query('CREATE INDEX "IDX_465383085677c8523715fe854a" ON "download_files" ("accountId", "createdAt") ');
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "IDX_465383085677c8523715fe854a"');
    await queryRunner.query('DROP INDEX "IDX_a0f6552dca11f4b58559bfc7bd"');
    await queryRunner.query('DROP INDEX "IDX_17606328d3381af6d937f9b0e9"');
    await queryRunner.query('DROP TABLE "download_files"');
  }
}
