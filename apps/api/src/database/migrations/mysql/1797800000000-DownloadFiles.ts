import { MigrationInterface, QueryRunner } from 'typeorm';

/** 下载列表: background exports, their progress and the finished files until they expire. */
export class DownloadFiles1797800000000 implements MigrationInterface {
  name = 'DownloadFiles1797800000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE `download_files` (`id` int NOT NULL AUTO_INCREMENT, `accountId` int NOT NULL, `activeAccountId` int NULL, `kind` varchar(64) NOT NULL, `fileName` varchar(200) NOT NULL, `status` varchar(16) NOT NULL DEFAULT 'QUEUED', `params` text NOT NULL, `rowsWritten` int NOT NULL DEFAULT '0', `rowsTotal` int NULL, `sizeBytes` int NULL, `storagePath` varchar(255) NULL, `error` varchar(255) NULL, `createdAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), `startedAt` datetime NULL, `heartbeatAt` datetime NULL, `finishedAt` datetime NULL, `expiresAt` datetime NULL, `attempts` int NOT NULL DEFAULT '0', UNIQUE INDEX `IDX_17606328d3381af6d937f9b0e9` (`activeAccountId`), INDEX `IDX_a0f6552dca11f4b58559bfc7bd` (`status`), INDEX `IDX_465383085677c8523715fe854a` (`accountId`, `createdAt`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX `IDX_465383085677c8523715fe854a` ON `download_files`");
    await queryRunner.query("DROP INDEX `IDX_a0f6552dca11f4b58559bfc7bd` ON `download_files`");
    await queryRunner.query("DROP INDEX `IDX_17606328d3381af6d937f9b0e9` ON `download_files`");
    await queryRunner.query("DROP TABLE `download_files`");
  }
}
