import { MigrationInterface, QueryRunner } from 'typeorm';

export class OwnerEvaluations1798000000000 implements MigrationInterface {
  name = 'OwnerEvaluations1798000000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE `owner_house_bindings` (`id` int NOT NULL AUTO_INCREMENT, `identityId` int NOT NULL, `houseId` int NOT NULL, `ownerId` int NOT NULL, `propertyAreaId` int NOT NULL, `districtId` int NOT NULL, `streetId` int NOT NULL, `ownerName` varchar(32) NOT NULL, `idNumberHash` varchar(64) NOT NULL, `idNumberMasked` varchar(18) NOT NULL, `boundAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), INDEX `IDX_62029cecb9311039bee6c52a31` (`houseId`), INDEX `IDX_81860f68f06cfdb6a4232f5c4f` (`districtId`), INDEX `IDX_186a75ba0f35484d270ad2a7ec` (`propertyAreaId`), UNIQUE INDEX `IDX_f0fa80dd59235c45f5152c0960` (`identityId`, `houseId`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `owner_identities` (`id` int NOT NULL AUTO_INCREMENT, `channel` varchar(8) NOT NULL, `openid` varchar(64) NOT NULL, `lastLoginAt` datetime NULL, `createdAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), UNIQUE INDEX `IDX_e1c6dadb3d068eb8879cebd0b9` (`channel`, `openid`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `owner_evaluation_reasons` (`id` int NOT NULL AUTO_INCREMENT, `target` varchar(16) NOT NULL, `name` varchar(32) NOT NULL, `sortOrder` int NOT NULL DEFAULT '0', `active` tinyint NOT NULL DEFAULT 1, UNIQUE INDEX `IDX_579394a6f1f1803192d2393b56` (`target`, `name`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `owner_evaluation_area_months` (`id` int NOT NULL AUTO_INCREMENT, `propertyAreaId` int NOT NULL, `target` varchar(16) NOT NULL, `month` varchar(7) NOT NULL, `districtId` int NOT NULL, `streetId` int NOT NULL, `communityId` int NOT NULL, `companyId` int NULL, `committeeId` int NULL, `records` int NOT NULL DEFAULT '0', `firstInYear` int NOT NULL DEFAULT '0', `scoreHundredthsSum` bigint NOT NULL DEFAULT '0', `star1` int NOT NULL DEFAULT '0', `star2` int NOT NULL DEFAULT '0', `star3` int NOT NULL DEFAULT '0', `star4` int NOT NULL DEFAULT '0', `star5` int NOT NULL DEFAULT '0', `lowStar` int NOT NULL DEFAULT '0', `replied` int NOT NULL DEFAULT '0', `lowStarReplied` int NOT NULL DEFAULT '0', `otherReasons` int NOT NULL DEFAULT '0', INDEX `IDX_e3f1dfa298f2792b5d7a792022` (`target`, `month`, `companyId`), INDEX `IDX_08c650081206b3cd030a5e135e` (`target`, `month`, `districtId`), UNIQUE INDEX `IDX_96ae0060994c078a7599484b72` (`propertyAreaId`, `target`, `month`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `owner_evaluation_items` (`id` int NOT NULL AUTO_INCREMENT, `target` varchar(16) NOT NULL, `name` varchar(32) NOT NULL, `weight` int NOT NULL DEFAULT '1', `sortOrder` int NOT NULL DEFAULT '0', `active` tinyint NOT NULL DEFAULT 1, UNIQUE INDEX `IDX_101df42e37f98fabbfb569233c` (`target`, `name`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `owner_evaluation_reason_months` (`id` int NOT NULL AUTO_INCREMENT, `propertyAreaId` int NOT NULL, `target` varchar(16) NOT NULL, `month` varchar(7) NOT NULL, `districtId` int NOT NULL, `streetId` int NOT NULL, `communityId` int NOT NULL, `reasonId` int NOT NULL, `count` int NOT NULL DEFAULT '0', INDEX `IDX_e93cd3a3ec6f25421fa16af25a` (`target`, `month`, `districtId`), UNIQUE INDEX `IDX_dcfd2feb544260e4210942c628` (`propertyAreaId`, `target`, `month`, `reasonId`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `owner_evaluation_answers` (`id` int NOT NULL AUTO_INCREMENT, `evaluationId` int NOT NULL, `itemId` int NOT NULL, `itemName` varchar(32) NOT NULL, `weight` int NOT NULL, `star` int NOT NULL, `reasonIds` varchar(255) NOT NULL DEFAULT '', `otherReason` varchar(200) NULL, INDEX `IDX_e1c646153106bac4228f171274` (`evaluationId`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `owner_evaluations` (`id` int NOT NULL AUTO_INCREMENT, `target` varchar(16) NOT NULL, `month` varchar(7) NOT NULL, `propertyAreaId` int NOT NULL, `districtId` int NOT NULL, `streetId` int NOT NULL, `communityId` int NOT NULL, `companyId` int NULL, `committeeId` int NULL, `houseId` int NOT NULL, `ownerId` int NULL, `identityId` int NULL, `ownerName` varchar(32) NOT NULL, `scoreHundredths` int NOT NULL, `stars` int NOT NULL, `lowStar` tinyint NOT NULL, `comment` varchar(500) NULL, `anonymous` tinyint NOT NULL DEFAULT 0, `submittedAt` datetime NOT NULL, `reply` varchar(500) NULL, `repliedAt` datetime NULL, `repliedById` int NULL, INDEX `IDX_a8233b63bcbf50036f5c52dfd9` (`identityId`), INDEX `IDX_3f9cdd108c836a62b79de787ff` (`districtId`, `target`, `month`), INDEX `IDX_39f2346d743e4300fc5e150a4a` (`companyId`, `target`, `month`), INDEX `IDX_f4c6c3b1185e8ab87ce356ef37` (`propertyAreaId`, `target`, `month`), UNIQUE INDEX `IDX_90e78dc4a13e281e6e0068637f` (`houseId`, `target`, `month`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `owner_evaluation_rank_streaks` (`id` int NOT NULL AUTO_INCREMENT, `subject` varchar(16) NOT NULL, `subjectId` int NOT NULL, `subjectName` varchar(128) NOT NULL, `direction` varchar(8) NOT NULL, `fromMonth` varchar(7) NOT NULL, `toMonth` varchar(7) NOT NULL, `ranks` varchar(255) NOT NULL, `companyId` int NULL, `projectManagerId` int NULL, `chairHolderId` int NULL, `districtId` int NOT NULL, `createdAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), INDEX `IDX_c932dbb6f2a883c91de5f99e4a` (`companyId`), INDEX `IDX_47075de0bf735fb941813ec643` (`projectManagerId`), INDEX `IDX_a68d02c59579226ba5c49fe0c2` (`chairHolderId`), UNIQUE INDEX `IDX_15ad9e23ff4605c14ffb6ccd62` (`subject`, `subjectId`, `direction`, `toMonth`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX `IDX_15ad9e23ff4605c14ffb6ccd62` ON `owner_evaluation_rank_streaks`");
    await queryRunner.query("DROP INDEX `IDX_a68d02c59579226ba5c49fe0c2` ON `owner_evaluation_rank_streaks`");
    await queryRunner.query("DROP INDEX `IDX_47075de0bf735fb941813ec643` ON `owner_evaluation_rank_streaks`");
    await queryRunner.query("DROP INDEX `IDX_c932dbb6f2a883c91de5f99e4a` ON `owner_evaluation_rank_streaks`");
    await queryRunner.query("DROP TABLE `owner_evaluation_rank_streaks`");
    await queryRunner.query("DROP INDEX `IDX_90e78dc4a13e281e6e0068637f` ON `owner_evaluations`");
    await queryRunner.query("DROP INDEX `IDX_f4c6c3b1185e8ab87ce356ef37` ON `owner_evaluations`");
    await queryRunner.query("DROP INDEX `IDX_39f2346d743e4300fc5e150a4a` ON `owner_evaluations`");
    await queryRunner.query("DROP INDEX `IDX_3f9cdd108c836a62b79de787ff` ON `owner_evaluations`");
    await queryRunner.query("DROP INDEX `IDX_a8233b63bcbf50036f5c52dfd9` ON `owner_evaluations`");
    await queryRunner.query("DROP TABLE `owner_evaluations`");
    await queryRunner.query("DROP INDEX `IDX_e1c646153106bac4228f171274` ON `owner_evaluation_answers`");
    await queryRunner.query("DROP TABLE `owner_evaluation_answers`");
    await queryRunner.query("DROP INDEX `IDX_dcfd2feb544260e4210942c628` ON `owner_evaluation_reason_months`");
    await queryRunner.query("DROP INDEX `IDX_e93cd3a3ec6f25421fa16af25a` ON `owner_evaluation_reason_months`");
    await queryRunner.query("DROP TABLE `owner_evaluation_reason_months`");
    await queryRunner.query("DROP INDEX `IDX_101df42e37f98fabbfb569233c` ON `owner_evaluation_items`");
    await queryRunner.query("DROP TABLE `owner_evaluation_items`");
    await queryRunner.query("DROP INDEX `IDX_96ae0060994c078a7599484b72` ON `owner_evaluation_area_months`");
    await queryRunner.query("DROP INDEX `IDX_08c650081206b3cd030a5e135e` ON `owner_evaluation_area_months`");
    await queryRunner.query("DROP INDEX `IDX_e3f1dfa298f2792b5d7a792022` ON `owner_evaluation_area_months`");
    await queryRunner.query("DROP TABLE `owner_evaluation_area_months`");
    await queryRunner.query("DROP INDEX `IDX_579394a6f1f1803192d2393b56` ON `owner_evaluation_reasons`");
    await queryRunner.query("DROP TABLE `owner_evaluation_reasons`");
    await queryRunner.query("DROP INDEX `IDX_e1c6dadb3d068eb8879cebd0b9` ON `owner_identities`");
    await queryRunner.query("DROP TABLE `owner_identities`");
    await queryRunner.query("DROP INDEX `IDX_f0fa80dd59235c45f5152c0960` ON `owner_house_bindings`");
    await queryRunner.query("DROP INDEX `IDX_186a75ba0f35484d270ad2a7ec` ON `owner_house_bindings`");
    await queryRunner.query("DROP INDEX `IDX_81860f68f06cfdb6a4232f5c4f` ON `owner_house_bindings`");
    await queryRunner.query("DROP INDEX `IDX_62029cecb9311039bee6c52a31` ON `owner_house_bindings`");
    await queryRunner.query("DROP TABLE `owner_house_bindings`");
  }
}
