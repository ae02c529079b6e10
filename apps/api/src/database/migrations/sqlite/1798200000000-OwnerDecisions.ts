import { MigrationInterface, QueryRunner } from 'typeorm';

export class OwnerDecisions1798200000000 implements MigrationInterface {
  name = 'OwnerDecisions1798200000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"owner_vote_ballots\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"voteId\" integer NOT NULL, \"topicId\" integer NOT NULL, \"houseId\" integer NOT NULL, \"choice\" varchar(16) NOT NULL, \"source\" varchar(16) NOT NULL, \"identityId\" integer, \"enteredById\" integer, \"paperNo\" varchar(64), \"votedAt\" datetime NOT NULL)");
    await queryRunner.query("CREATE INDEX \"IDX_4079bde90ad473d475b60e7b92\" ON \"owner_vote_ballots\" (\"voteId\", \"houseId\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_6ebfcec2bb0bfd5843e489d6a3\" ON \"owner_vote_ballots\" (\"topicId\", \"houseId\") ");
    await queryRunner.query("CREATE TABLE \"owner_vote_topics\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"voteId\" integer NOT NULL, \"seq\" integer NOT NULL, \"content\" varchar(1000) NOT NULL, \"category\" varchar(24) NOT NULL, \"quorumReached\" boolean, \"passed\" boolean, \"participatingAreaHundredths\" varchar(24), \"participatingPersons\" integer, \"agreeAreaHundredths\" varchar(24), \"agreePersons\" integer)");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_a855436ae9bb18299dfeae189a\" ON \"owner_vote_topics\" (\"voteId\", \"seq\") ");
    await queryRunner.query("CREATE TABLE \"owner_votes\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"voteNo\" varchar(32) NOT NULL, \"propertyAreaId\" integer NOT NULL, \"districtId\" integer NOT NULL, \"streetId\" integer NOT NULL, \"communityId\" integer NOT NULL, \"title\" varchar(200) NOT NULL, \"meetingType\" varchar(16) NOT NULL, \"convener\" varchar(24) NOT NULL, \"scope\" varchar(16) NOT NULL, \"buildingIds\" text NOT NULL, \"beginAt\" datetime NOT NULL, \"endAt\" datetime NOT NULL, \"state\" varchar(16) NOT NULL, \"delayed\" boolean NOT NULL DEFAULT (0), \"delayReason\" varchar(500), \"oldEndAt\" datetime, \"publicityAt\" datetime, \"createdById\" integer NOT NULL, \"checkedById\" integer, \"checkedAt\" datetime, \"checkNote\" varchar(500), \"totalAreaHundredths\" varchar(24), \"totalPersons\" integer, \"participationAreaBp\" integer, \"participationPersonsBp\" integer, \"createdAt\" datetime NOT NULL DEFAULT (datetime('now')), \"updatedAt\" datetime NOT NULL DEFAULT (datetime('now')))");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_f1c4748eb4a4be0e832ccb1be2\" ON \"owner_votes\" (\"voteNo\") ");
    await queryRunner.query("CREATE INDEX \"IDX_e5fe4c9c9a8bf2333b93be45fa\" ON \"owner_votes\" (\"propertyAreaId\") ");
    await queryRunner.query("CREATE INDEX \"IDX_78f4e1b1c64184f7b431119ae9\" ON \"owner_votes\" (\"state\", \"endAt\") ");
    await queryRunner.query("CREATE INDEX \"IDX_4571080b17db71310ccad9644c\" ON \"owner_votes\" (\"state\", \"beginAt\") ");
    await queryRunner.query("CREATE INDEX \"IDX_73a3a81458fe942379d66d7db5\" ON \"owner_votes\" (\"districtId\", \"streetId\", \"state\") ");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"IDX_73a3a81458fe942379d66d7db5\"");
    await queryRunner.query("DROP INDEX \"IDX_4571080b17db71310ccad9644c\"");
    await queryRunner.query("DROP INDEX \"IDX_78f4e1b1c64184f7b431119ae9\"");
    await queryRunner.query("DROP INDEX \"IDX_e5fe4c9c9a8bf2333b93be45fa\"");
    await queryRunner.query("DROP INDEX \"IDX_f1c4748eb4a4be0e832ccb1be2\"");
    await queryRunner.query("DROP TABLE \"owner_votes\"");
    await queryRunner.query("DROP INDEX \"IDX_a855436ae9bb18299dfeae189a\"");
    await queryRunner.query("DROP TABLE \"owner_vote_topics\"");
    await queryRunner.query("DROP INDEX \"IDX_6ebfcec2bb0bfd5843e489d6a3\"");
    await queryRunner.query("DROP INDEX \"IDX_4079bde90ad473d475b60e7b92\"");
    await queryRunner.query("DROP TABLE \"owner_vote_ballots\"");
  }
}
