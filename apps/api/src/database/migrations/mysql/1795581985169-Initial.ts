import { MigrationInterface, QueryRunner } from 'typeorm';

export class Initial1795581985169 implements MigrationInterface {
  name = 'Initial1795581985169';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE `accounts` (`id` int NOT NULL AUTO_INCREMENT, `username` varchar(64) NOT NULL, `passwordHash` varchar(100) NOT NULL, `name` varchar(32) NOT NULL, `phone` varchar(20) NOT NULL, `role` varchar(32) NOT NULL, `districtId` int NULL, `streetId` int NULL, `unitCategory` varchar(32) NULL, `unitId` int NULL, `status` varchar(16) NOT NULL DEFAULT 'ACTIVE', `position` varchar(64) NULL, `email` varchar(128) NULL, `avatarUrl` varchar(255) NULL, `wechatOpenId` varchar(64) NULL, `miniOpenId` varchar(64) NULL, `boundAt` datetime NULL, `failedLoginCount` int NOT NULL DEFAULT '0', `lockedUntil` datetime NULL, `lastLoginAt` datetime NULL, `cancelledAt` datetime NULL, `lastUrgedToBindAt` datetime NULL, `createdById` int NULL, `version` int NOT NULL, `createdAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), `updatedAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), UNIQUE INDEX `IDX_477e3187cedfb5a3ac121e899c` (`username`), INDEX `IDX_2db43cdbf7bb862e577b5f540c` (`name`), UNIQUE INDEX `IDX_41704a57004fc60242d7996bd8` (`phone`), UNIQUE INDEX `IDX_bde193100dff0f0e352364102e` (`wechatOpenId`), UNIQUE INDEX `IDX_b194be30a92bf7c9b8c3164ce6` (`miniOpenId`), INDEX `IDX_3899caf1b839f2ead8e64f14b5` (`unitCategory`, `unitId`), INDEX `IDX_895cbcd42cd0ff41564390774d` (`districtId`, `role`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `audit_logs` (`id` int NOT NULL AUTO_INCREMENT, `actorId` int NULL, `onBehalfOfId` int NULL, `districtId` int NULL, `action` varchar(128) NOT NULL, `targetType` varchar(64) NULL, `targetId` varchar(64) NULL, `method` varchar(8) NOT NULL, `path` varchar(255) NOT NULL, `statusCode` int NOT NULL, `requestId` varchar(64) NOT NULL, `ip` varchar(64) NULL, `createdAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), INDEX `IDX_c69efb19bf127c97e6740ad530` (`createdAt`), INDEX `IDX_61614f246ac701597f688946b9` (`targetType`, `targetId`), INDEX `IDX_678217ebecd415a0db47435d15` (`actorId`, `createdAt`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `module_grants` (`id` int NOT NULL AUTO_INCREMENT, `accountId` int NOT NULL, `module` varchar(32) NOT NULL, `action` varchar(16) NOT NULL, `grantedById` int NULL, `createdAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), UNIQUE INDEX `IDX_6959a60d98428bb73c3fdad700` (`accountId`, `module`, `action`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `refresh_tokens` (`id` int NOT NULL AUTO_INCREMENT, `accountId` int NOT NULL, `tokenHash` varchar(64) NOT NULL, `family` varchar(36) NOT NULL, `channel` varchar(16) NOT NULL, `expiresAt` datetime NOT NULL, `revokedAt` datetime NULL, `rotatedAt` datetime NULL, `createdAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), INDEX `IDX_0579a04fbd619cc9424b9a4a37` (`accountId`), UNIQUE INDEX `IDX_c25bc63d248ca90e8dcc1d92d0` (`tokenHash`), INDEX `IDX_968936751ab847471635be8dc0` (`family`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `sms_verifications` (`id` int NOT NULL AUTO_INCREMENT, `phone` varchar(20) NOT NULL, `purpose` varchar(32) NOT NULL, `codeHash` varchar(64) NOT NULL, `sentAt` datetime NOT NULL, `expiresAt` datetime NOT NULL, `failedAttempts` int NOT NULL DEFAULT '0', `lockedUntil` datetime NULL, `consumedAt` datetime NULL, `createdAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), INDEX `IDX_9bb1027398facd442a8d610858` (`phone`, `purpose`, `sentAt`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `wechat_oauth_tokens` (`openid` varchar(64) NOT NULL, `tokenJson` text NOT NULL, `updatedAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), PRIMARY KEY (`openid`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `notification_campaigns` (`id` int NOT NULL AUTO_INCREMENT, `kind` varchar(32) NOT NULL, `senderId` int NULL, `senderName` varchar(64) NULL, `districtId` int NULL, `title` varchar(128) NOT NULL, `content` text NOT NULL, `link` varchar(255) NULL, `subjectType` varchar(32) NULL, `subjectId` int NULL, `recipientCount` int NOT NULL DEFAULT '0', `createdAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), INDEX `IDX_ddce055ece9e57bf19adaf55b4` (`districtId`), INDEX `IDX_fe1011e305c995ef98eff271a8` (`subjectType`, `subjectId`), INDEX `IDX_6ffae761020a6d114b6dcc8252` (`kind`, `createdAt`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `notification_deliveries` (`id` int NOT NULL AUTO_INCREMENT, `campaignId` int NOT NULL, `recipientId` int NOT NULL, `channel` varchar(8) NOT NULL, `status` varchar(16) NOT NULL DEFAULT 'PENDING', `attempts` int NOT NULL DEFAULT '0', `lastError` varchar(255) NULL, `deliveredAt` datetime NULL, `readAt` datetime NULL, `createdAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), `updatedAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), INDEX `IDX_63588a937cbebdd3842b1c27aa` (`status`, `channel`), INDEX `IDX_89539fc859760c327d834c7404` (`recipientId`, `channel`, `createdAt`), UNIQUE INDEX `IDX_8de62b93f0eff6d74d3457d59c` (`campaignId`, `recipientId`, `channel`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `developers` (`id` int NOT NULL AUTO_INCREMENT, `name` varchar(128) NOT NULL, `creditCode` varchar(18) NOT NULL, INDEX `IDX_9ba1b2a1f42a1d6f117a6c0451` (`name`), UNIQUE INDEX `IDX_adb50eac1e8d830e7fed64bca1` (`creditCode`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `houses` (`id` int NOT NULL AUTO_INCREMENT, `propertyAreaId` int NOT NULL, `districtId` int NOT NULL, `building` varchar(16) NOT NULL, `unitNo` varchar(8) NOT NULL, `roomNo` varchar(8) NOT NULL, `floorArea` double NOT NULL, `usage` varchar(16) NOT NULL, INDEX `IDX_d66241508e01aa015e1e327c0e` (`propertyAreaId`), INDEX `IDX_c507ebebf1a9432a4a31b79240` (`districtId`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `owners_committees` (`id` int NOT NULL AUTO_INCREMENT, `propertyAreaId` int NOT NULL, `districtId` int NOT NULL, `name` varchar(128) NOT NULL, `chairName` varchar(32) NOT NULL, `chairPhone` varchar(20) NOT NULL, `executiveSecretaryName` varchar(32) NULL, `termStart` varchar(10) NOT NULL, `termEnd` varchar(10) NOT NULL, UNIQUE INDEX `IDX_c95d16a51ea303ec4354d2cf39` (`propertyAreaId`), INDEX `IDX_5e115dd1cfab0e26df7302b295` (`districtId`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `project_managers` (`id` int NOT NULL AUTO_INCREMENT, `name` varchar(32) NOT NULL, `idNumber` varchar(18) NOT NULL, `phone` varchar(20) NOT NULL, `companyId` int NOT NULL, `districtId` int NOT NULL, `certificateNo` varchar(32) NOT NULL, `createdAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), INDEX `IDX_79215dc922273ab43d1aa6d009` (`name`), INDEX `IDX_6ed818396d6479472bff5182ba` (`companyId`), INDEX `IDX_026dd30daf743a51330cf4ecbd` (`districtId`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `property_areas` (`id` int NOT NULL AUTO_INCREMENT, `code` varchar(32) NOT NULL, `name` varchar(128) NOT NULL, `districtId` int NOT NULL, `streetId` int NOT NULL, `communityId` int NOT NULL, `address` varchar(255) NOT NULL, `companyId` int NULL, `projectManagerId` int NULL, `developerId` int NULL, `floorArea` int NOT NULL, `houseCount` int NOT NULL, `longitude` double NOT NULL, `latitude` double NOT NULL, `createdAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), UNIQUE INDEX `IDX_21355a278d597217d373f39216` (`code`), INDEX `IDX_53adbbdf56141783d1cb847200` (`name`), INDEX `IDX_6ed6f64d4abb596c3febd00d03` (`companyId`), INDEX `IDX_320d13f57602e28a38bf4c70c6` (`projectManagerId`), INDEX `IDX_75af04705bab401dab2ac78815` (`developerId`), INDEX `IDX_fc0d24cb5f9b5f49f8daa0a090` (`districtId`, `streetId`, `communityId`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `property_companies` (`id` int NOT NULL AUTO_INCREMENT, `name` varchar(128) NOT NULL, `creditCode` varchar(18) NOT NULL, `legalRepresentative` varchar(32) NOT NULL, `contactPhone` varchar(20) NOT NULL, `address` varchar(255) NOT NULL, `registeredDistrictId` int NOT NULL, `createdAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), INDEX `IDX_243163003803e868a566d80ec3` (`name`), UNIQUE INDEX `IDX_b3cf646eed8e0df3e26a78000d` (`creditCode`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `regions` (`id` int NOT NULL, `level` varchar(16) NOT NULL, `name` varchar(64) NOT NULL, `code` varchar(32) NOT NULL, `parentId` int NULL, `districtId` int NOT NULL, `streetId` int NULL, `sortOrder` int NOT NULL DEFAULT '0', UNIQUE INDEX `IDX_4f6dc5a464961e7c65a395ea4c` (`code`), INDEX `IDX_5efcae3e50976de5622094195f` (`districtId`, `level`), INDEX `IDX_893e171fccde1ce0e47a06f14c` (`parentId`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX `IDX_893e171fccde1ce0e47a06f14c` ON `regions`");
    await queryRunner.query("DROP INDEX `IDX_5efcae3e50976de5622094195f` ON `regions`");
    await queryRunner.query("DROP INDEX `IDX_4f6dc5a464961e7c65a395ea4c` ON `regions`");
    await queryRunner.query("DROP TABLE `regions`");
    await queryRunner.query("DROP INDEX `IDX_b3cf646eed8e0df3e26a78000d` ON `property_companies`");
    await queryRunner.query("DROP INDEX `IDX_243163003803e868a566d80ec3` ON `property_companies`");
    await queryRunner.query("DROP TABLE `property_companies`");
    await queryRunner.query("DROP INDEX `IDX_fc0d24cb5f9b5f49f8daa0a090` ON `property_areas`");
    await queryRunner.query("DROP INDEX `IDX_75af04705bab401dab2ac78815` ON `property_areas`");
    await queryRunner.query("DROP INDEX `IDX_320d13f57602e28a38bf4c70c6` ON `property_areas`");
    await queryRunner.query("DROP INDEX `IDX_6ed6f64d4abb596c3febd00d03` ON `property_areas`");
    await queryRunner.query("DROP INDEX `IDX_53adbbdf56141783d1cb847200` ON `property_areas`");
    await queryRunner.query("DROP INDEX `IDX_21355a278d597217d373f39216` ON `property_areas`");
    await queryRunner.query("DROP TABLE `property_areas`");
    await queryRunner.query("DROP INDEX `IDX_026dd30daf743a51330cf4ecbd` ON `project_managers`");
    await queryRunner.query("DROP INDEX `IDX_6ed818396d6479472bff5182ba` ON `project_managers`");
    await queryRunner.query("DROP INDEX `IDX_79215dc922273ab43d1aa6d009` ON `project_managers`");
    await queryRunner.query("DROP TABLE `project_managers`");
    await queryRunner.query("DROP INDEX `IDX_5e115dd1cfab0e26df7302b295` ON `owners_committees`");
    await queryRunner.query("DROP INDEX `IDX_c95d16a51ea303ec4354d2cf39` ON `owners_committees`");
    await queryRunner.query("DROP TABLE `owners_committees`");
    await queryRunner.query("DROP INDEX `IDX_c507ebebf1a9432a4a31b79240` ON `houses`");
    await queryRunner.query("DROP INDEX `IDX_d66241508e01aa015e1e327c0e` ON `houses`");
    await queryRunner.query("DROP TABLE `houses`");
    await queryRunner.query("DROP INDEX `IDX_adb50eac1e8d830e7fed64bca1` ON `developers`");
    await queryRunner.query("DROP INDEX `IDX_9ba1b2a1f42a1d6f117a6c0451` ON `developers`");
    await queryRunner.query("DROP TABLE `developers`");
    await queryRunner.query("DROP INDEX `IDX_8de62b93f0eff6d74d3457d59c` ON `notification_deliveries`");
    await queryRunner.query("DROP INDEX `IDX_89539fc859760c327d834c7404` ON `notification_deliveries`");
    await queryRunner.query("DROP INDEX `IDX_63588a937cbebdd3842b1c27aa` ON `notification_deliveries`");
    await queryRunner.query("DROP TABLE `notification_deliveries`");
    await queryRunner.query("DROP INDEX `IDX_6ffae761020a6d114b6dcc8252` ON `notification_campaigns`");
    await queryRunner.query("DROP INDEX `IDX_fe1011e305c995ef98eff271a8` ON `notification_campaigns`");
    await queryRunner.query("DROP INDEX `IDX_ddce055ece9e57bf19adaf55b4` ON `notification_campaigns`");
    await queryRunner.query("DROP TABLE `notification_campaigns`");
    await queryRunner.query("DROP TABLE `wechat_oauth_tokens`");
    await queryRunner.query("DROP INDEX `IDX_9bb1027398facd442a8d610858` ON `sms_verifications`");
    await queryRunner.query("DROP TABLE `sms_verifications`");
    await queryRunner.query("DROP INDEX `IDX_968936751ab847471635be8dc0` ON `refresh_tokens`");
    await queryRunner.query("DROP INDEX `IDX_c25bc63d248ca90e8dcc1d92d0` ON `refresh_tokens`");
    await queryRunner.query("DROP INDEX `IDX_0579a04fbd619cc9424b9a4a37` ON `refresh_tokens`");
    await queryRunner.query("DROP TABLE `refresh_tokens`");
    await queryRunner.query("DROP INDEX `IDX_6959a60d98428bb73c3fdad700` ON `module_grants`");
    await queryRunner.query("DROP TABLE `module_grants`");
    await queryRunner.query("DROP INDEX `IDX_678217ebecd415a0db47435d15` ON `audit_logs`");
    await queryRunner.query("DROP INDEX `IDX_61614f246ac701597f688946b9` ON `audit_logs`");
    await queryRunner.query("DROP INDEX `IDX_c69efb19bf127c97e6740ad530` ON `audit_logs`");
    await queryRunner.query("DROP TABLE `audit_logs`");
    await queryRunner.query("DROP INDEX `IDX_895cbcd42cd0ff41564390774d` ON `accounts`");
    await queryRunner.query("DROP INDEX `IDX_3899caf1b839f2ead8e64f14b5` ON `accounts`");
    await queryRunner.query("DROP INDEX `IDX_b194be30a92bf7c9b8c3164ce6` ON `accounts`");
    await queryRunner.query("DROP INDEX `IDX_bde193100dff0f0e352364102e` ON `accounts`");
    await queryRunner.query("DROP INDEX `IDX_41704a57004fc60242d7996bd8` ON `accounts`");
    await queryRunner.query("DROP INDEX `IDX_2db43cdbf7bb862e577b5f540c` ON `accounts`");
    await queryRunner.query("DROP INDEX `IDX_477e3187cedfb5a3ac121e899c` ON `accounts`");
    await queryRunner.query("DROP TABLE `accounts`");
  }
}
