import { MigrationInterface, QueryRunner } from 'typeorm';

export class TextSearchIndex1796117000000 implements MigrationInterface {
  name = 'TextSearchIndex1796117000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE `text_search_entries` (`id` int NOT NULL AUTO_INCREMENT, `domain` varchar(32) NOT NULL, `text` varchar(255) NOT NULL, UNIQUE INDEX `UQ_text_search_entry` (`domain`, `text`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `text_search_grams` (`domain` varchar(32) NOT NULL, `gram` varchar(2) NOT NULL, `entryId` int NOT NULL, PRIMARY KEY (`domain`, `gram`, `entryId`)) ENGINE=InnoDB");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP TABLE `text_search_grams`");
    await queryRunner.query("DROP INDEX `UQ_text_search_entry` ON `text_search_entries`");
    await queryRunner.query("DROP TABLE `text_search_entries`");
  }
}
