import { MigrationInterface, QueryRunner } from 'typeorm';

export class OwnerDecisions1798200000000 implements MigrationInterface {
  name = 'OwnerDecisions1798200000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE `owner_vote_ballots` (`id` int NOT NULL AUTO_INCREMENT, `voteId` int NOT NULL, `topicId` int NOT NULL, `houseId` int NOT NULL, `choice` varchar(16) NOT NULL, `source` varchar(16) NOT NULL, `identityId` int NULL, `enteredById` int NULL, `paperNo` varchar(64) NULL, `votedAt` datetime NOT NULL, INDEX `IDX_4079bde90ad473d475b60e7b92` (`voteId`, `houseId`), UNIQUE INDEX `IDX_6ebfcec2bb0bfd5843e489d6a3` (`topicId`, `houseId`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `owner_vote_topics` (`id` int NOT NULL AUTO_INCREMENT, `voteId` int NOT NULL, `seq` int NOT NULL, `content` varchar(1000) NOT NULL, `category` varchar(24) NOT NULL, `quorumReached` tinyint NULL, `passed` tinyint NULL, `participatingAreaHundredths` varchar(24) NULL, `participatingPersons` int NULL, `agreeAreaHundredths` varchar(24) NULL, `agreePersons` int NULL, UNIQUE INDEX `IDX_a855436ae9bb18299dfeae189a` (`voteId`, `seq`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `owner_votes` (`id` int NOT NULL AUTO_INCREMENT, `voteNo` varchar(32) NOT NULL, `propertyAreaId` int NOT NULL, `districtId` int NOT NULL, `streetId` int NOT NULL, `communityId` int NOT NULL, `title` varchar(200) NOT NULL, `meetingType` varchar(16) NOT NULL, `convener` varchar(24) NOT NULL, `scope` varchar(16) NOT NULL, `buildingIds` text NOT NULL, `beginAt` datetime NOT NULL, `endAt` datetime NOT NULL, `state` varchar(16) NOT NULL, `delayed` tinyint NOT NULL DEFAULT 0, `delayReason` varchar(500) NULL, `oldEndAt` datetime NULL, `publicityAt` datetime NULL, `createdById` int NOT NULL, `checkedById` int NULL, `checkedAt` datetime NULL, `checkNote` varchar(500) NULL, `totalAreaHundredths` varchar(24) NULL, `totalPersons` int NULL, `participationAreaBp` int NULL, `participationPersonsBp` int NULL, `createdAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), `updatedAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), UNIQUE INDEX `IDX_f1c4748eb4a4be0e832ccb1be2` (`voteNo`), INDEX `IDX_e5fe4c9c9a8bf2333b93be45fa` (`propertyAreaId`), INDEX `IDX_78f4e1b1c64184f7b431119ae9` (`state`, `endAt`), INDEX `IDX_4571080b17db71310ccad9644c` (`state`, `beginAt`), INDEX `IDX_73a3a81458fe942379d66d7db5` (`districtId`, `streetId`, `state`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX `IDX_73a3a81458fe942379d66d7db5` ON `owner_votes`");
    await queryRunner.query("DROP INDEX `IDX_4571080b17db71310ccad9644c` ON `owner_votes`");
    await queryRunner.query("DROP INDEX `IDX_78f4e1b1c64184f7b431119ae9` ON `owner_votes`");
    await queryRunner.query("DROP INDEX `IDX_e5fe4c9c9a8bf2333b93be45fa` ON `owner_votes`");
    await queryRunner.query("DROP INDEX `IDX_f1c4748eb4a4be0e832ccb1be2` ON `owner_votes`");
    await queryRunner.query("DROP TABLE `owner_votes`");
    await queryRunner.query("DROP INDEX `IDX_a855436ae9bb18299dfeae189a` ON `owner_vote_topics`");
    await queryRunner.query("DROP TABLE `owner_vote_topics`");
    await queryRunner.query("DROP INDEX `IDX_6ebfcec2bb0bfd5843e489d6a3` ON `owner_vote_ballots`");
    await queryRunner.query("DROP INDEX `IDX_4079bde90ad473d475b60e7b92` ON `owner_vote_ballots`");
    await queryRunner.query("DROP TABLE `owner_vote_ballots`");
  }
}
