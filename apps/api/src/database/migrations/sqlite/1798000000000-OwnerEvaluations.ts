import { MigrationInterface, QueryRunner } from 'typeorm';

export class OwnerEvaluations1798000000000 implements MigrationInterface {
  name = 'OwnerEvaluations1798000000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"owner_house_bindings\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"identityId\" integer NOT NULL, \"houseId\" integer NOT NULL, \"ownerId\" integer NOT NULL, \"propertyAreaId\" integer NOT NULL, \"districtId\" integer NOT NULL, \"streetId\" integer NOT NULL, \"ownerName\" varchar(32) NOT NULL, \"idNumberHash\" varchar(64) NOT NULL, \"idNumberMasked\" varchar(18) NOT NULL, \"boundAt\" datetime NOT NULL DEFAULT (datetime('now')))");
    await queryRunner.query("CREATE INDEX \"IDX_62029cecb9311039bee6c52a31\" ON \"owner_house_bindings\" (\"houseId\") ");
    await queryRunner.query("CREATE INDEX \"IDX_81860f68f06cfdb6a4232f5c4f\" ON \"owner_house_bindings\" (\"districtId\") ");
    await queryRunner.query("CREATE INDEX \"IDX_186a75ba0f35484d270ad2a7ec\" ON \"owner_house_bindings\" (\"propertyAreaId\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_f0fa80dd59235c45f5152c0960\" ON \"owner_house_bindings\" (\"identityId\", \"houseId\") ");
    await queryRunner.query("CREATE TABLE \"owner_identities\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"channel\" varchar(8) NOT NULL, \"openid\" varchar(64) NOT NULL, \"lastLoginAt\" datetime, \"createdAt\" datetime NOT NULL DEFAULT (datetime('now')))");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_e1c6dadb3d068eb8879cebd0b9\" ON \"owner_identities\" (\"channel\", \"openid\") ");
    await queryRunner.query("CREATE TABLE \"owner_evaluation_reasons\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"target\" varchar(16) NOT NULL, \"name\" varchar(32) NOT NULL, \"sortOrder\" integer NOT NULL DEFAULT (0), \"active\" boolean NOT NULL DEFAULT (1))");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_579394a6f1f1803192d2393b56\" ON \"owner_evaluation_reasons\" (\"target\", \"name\") ");
    await queryRunner.query("CREATE TABLE \"owner_evaluation_area_months\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"propertyAreaId\" integer NOT NULL, \"target\" varchar(16) NOT NULL, \"month\" varchar(7) NOT NULL, \"districtId\" integer NOT NULL, \"streetId\" integer NOT NULL, \"communityId\" integer NOT NULL, \"companyId\" integer, \"committeeId\" integer, \"records\" integer NOT NULL DEFAULT (0), \"firstInYear\" integer NOT NULL DEFAULT (0), \"scoreHundredthsSum\" bigint NOT NULL DEFAULT (0), \"star1\" integer NOT NULL DEFAULT (0), \"star2\" integer NOT NULL DEFAULT (0), \"star3\" integer NOT NULL DEFAULT (0), \"star4\" integer NOT NULL DEFAULT (0), \"star5\" integer NOT NULL DEFAULT (0), \"lowStar\" integer NOT NULL DEFAULT (0), \"replied\" integer NOT NULL DEFAULT (0), \"lowStarReplied\" integer NOT NULL DEFAULT (0), \"otherReasons\" integer NOT NULL DEFAULT (0))");
    await queryRunner.query("CREATE INDEX \"IDX_e3f1dfa298f2792b5d7a792022\" ON \"owner_evaluation_area_months\" (\"target\", \"month\", \"companyId\") ");
    await queryRunner.query("CREATE INDEX \"IDX_08c650081206b3cd030a5e135e\" ON \"owner_evaluation_area_months\" (\"target\", \"month\", \"districtId\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_96ae0060994c078a7599484b72\" ON \"owner_evaluation_area_months\" (\"propertyAreaId\", \"target\", \"month\") ");
    await queryRunner.query("CREATE TABLE \"owner_evaluation_items\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"target\" varchar(16) NOT NULL, \"name\" varchar(32) NOT NULL, \"weight\" integer NOT NULL DEFAULT (1), \"sortOrder\" integer NOT NULL DEFAULT (0), \"active\" boolean NOT NULL DEFAULT (1))");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_101df42e37f98fabbfb569233c\" ON \"owner_evaluation_items\" (\"target\", \"name\") ");
    await queryRunner.query("CREATE TABLE \"owner_evaluation_reason_months\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"propertyAreaId\" integer NOT NULL, \"target\" varchar(16) NOT NULL, \"month\" varchar(7) NOT NULL, \"districtId\" integer NOT NULL, \"streetId\" integer NOT NULL, \"communityId\" integer NOT NULL, \"reasonId\" integer NOT NULL, \"count\" integer NOT NULL DEFAULT (0))");
    await queryRunner.query("CREATE INDEX \"IDX_e93cd3a3ec6f25421fa16af25a\" ON \"owner_evaluation_reason_months\" (\"target\", \"month\", \"districtId\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_dcfd2feb544260e4210942c628\" ON \"owner_evaluation_reason_months\" (\"propertyAreaId\", \"target\", \"month\", \"reasonId\") ");
    await queryRunner.query("CREATE TABLE \"owner_evaluation_answers\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"evaluationId\" integer NOT NULL, \"itemId\" integer NOT NULL, \"itemName\" varchar(32) NOT NULL, \"weight\" integer NOT NULL, \"star\" integer NOT NULL, \"reasonIds\" varchar(255) NOT NULL DEFAULT (''), \"otherReason\" varchar(200))");
    await queryRunner.query("CREATE INDEX \"IDX_e1c646153106bac4228f171274\" ON \"owner_evaluation_answers\" (\"evaluationId\") ");
    await queryRunner.query("CREATE TABLE \"owner_evaluations\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"target\" varchar(16) NOT NULL, \"month\" varchar(7) NOT NULL, \"propertyAreaId\" integer NOT NULL, \"districtId\" integer NOT NULL, \"streetId\" integer NOT NULL, \"communityId\" integer NOT NULL, \"companyId\" integer, \"committeeId\" integer, \"houseId\" integer NOT NULL, \"ownerId\" integer, \"identityId\" integer, \"ownerName\" varchar(32) NOT NULL, \"scoreHundredths\" integer NOT NULL, \"stars\" integer NOT NULL, \"lowStar\" boolean NOT NULL, \"comment\" varchar(500), \"anonymous\" boolean NOT NULL DEFAULT (0), \"submittedAt\" datetime NOT NULL, \"reply\" varchar(500), \"repliedAt\" datetime, \"repliedById\" integer)");
    await queryRunner.query("CREATE INDEX \"IDX_a8233b63bcbf50036f5c52dfd9\" ON \"owner_evaluations\" (\"identityId\") ");
    await queryRunner.query("CREATE INDEX \"IDX_3f9cdd108c836a62b79de787ff\" ON \"owner_evaluations\" (\"districtId\", \"target\", \"month\") ");
    await queryRunner.query("CREATE INDEX \"IDX_39f2346d743e4300fc5e150a4a\" ON \"owner_evaluations\" (\"companyId\", \"target\", \"month\") ");
    await queryRunner.query("CREATE INDEX \"IDX_f4c6c3b1185e8ab87ce356ef37\" ON \"owner_evaluations\" (\"propertyAreaId\", \"target\", \"month\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_90e78dc4a13e281e6e0068637f\" ON \"owner_evaluations\" (\"houseId\", \"target\", \"month\") ");
    await queryRunner.query("CREATE TABLE \"owner_evaluation_rank_streaks\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"subject\" varchar(16) NOT NULL, \"subjectId\" integer NOT NULL, \"subjectName\" varchar(128) NOT NULL, \"direction\" varchar(8) NOT NULL, \"fromMonth\" varchar(7) NOT NULL, \"toMonth\" varchar(7) NOT NULL, \"ranks\" varchar(255) NOT NULL, \"companyId\" integer, \"projectManagerId\" integer, \"chairHolderId\" integer, \"districtId\" integer NOT NULL, \"createdAt\" datetime NOT NULL DEFAULT (datetime('now')))");
    await queryRunner.query("CREATE INDEX \"IDX_c932dbb6f2a883c91de5f99e4a\" ON \"owner_evaluation_rank_streaks\" (\"companyId\") ");
    await queryRunner.query("CREATE INDEX \"IDX_47075de0bf735fb941813ec643\" ON \"owner_evaluation_rank_streaks\" (\"projectManagerId\") ");
    await queryRunner.query("CREATE INDEX \"IDX_a68d02c59579226ba5c49fe0c2\" ON \"owner_evaluation_rank_streaks\" (\"chairHolderId\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_15ad9e23ff4605c14ffb6ccd62\" ON \"owner_evaluation_rank_streaks\" (\"subject\", \"subjectId\", \"direction\", \"toMonth\") ");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"IDX_15ad9e23ff4605c14ffb6ccd62\"");
    await queryRunner.query("DROP INDEX \"IDX_a68d02c59579226ba5c49fe0c2\"");
    await queryRunner.query("DROP INDEX \"IDX_47075de0bf735fb941813ec643\"");
    await queryRunner.query("DROP INDEX \"IDX_c932dbb6f2a883c91de5f99e4a\"");
    await queryRunner.query("DROP TABLE \"owner_evaluation_rank_streaks\"");
    await queryRunner.query("DROP INDEX \"IDX_90e78dc4a13e281e6e0068637f\"");
    await queryRunner.query("DROP INDEX \"IDX_f4c6c3b1185e8ab87ce356ef37\"");
    await queryRunner.query("DROP INDEX \"IDX_39f2346d743e4300fc5e150a4a\"");
    await queryRunner.query("DROP INDEX \"IDX_3f9cdd108c836a62b79de787ff\"");
    await queryRunner.query("DROP INDEX \"IDX_a8233b63bcbf50036f5c52dfd9\"");
    await queryRunner.query("DROP TABLE \"owner_evaluations\"");
    await queryRunner.query("DROP INDEX \"IDX_e1c646153106bac4228f171274\"");
    await queryRunner.query("DROP TABLE \"owner_evaluation_answers\"");
    await queryRunner.query("DROP INDEX \"IDX_dcfd2feb544260e4210942c628\"");
    await queryRunner.query("DROP INDEX \"IDX_e93cd3a3ec6f25421fa16af25a\"");
    await queryRunner.query("DROP TABLE \"owner_evaluation_reason_months\"");
    await queryRunner.query("DROP INDEX \"IDX_101df42e37f98fabbfb569233c\"");
    await queryRunner.query("DROP TABLE \"owner_evaluation_items\"");
    await queryRunner.query("DROP INDEX \"IDX_96ae0060994c078a7599484b72\"");
    await queryRunner.query("DROP INDEX \"IDX_08c650081206b3cd030a5e135e\"");
    await queryRunner.query("DROP INDEX \"IDX_e3f1dfa298f2792b5d7a792022\"");
    await queryRunner.query("DROP TABLE \"owner_evaluation_area_months\"");
    await queryRunner.query("DROP INDEX \"IDX_579394a6f1f1803192d2393b56\"");
    await queryRunner.query("DROP TABLE \"owner_evaluation_reasons\"");
    await queryRunner.query("DROP INDEX \"IDX_e1c6dadb3d068eb8879cebd0b9\"");
    await queryRunner.query("DROP TABLE \"owner_identities\"");
    await queryRunner.query("DROP INDEX \"IDX_f0fa80dd59235c45f5152c0960\"");
    await queryRunner.query("DROP INDEX \"IDX_186a75ba0f35484d270ad2a7ec\"");
    await queryRunner.query("DROP INDEX \"IDX_81860f68f06cfdb6a4232f5c4f\"");
    await queryRunner.query("DROP INDEX \"IDX_62029cecb9311039bee6c52a31\"");
    await queryRunner.query("DROP TABLE \"owner_house_bindings\"");
  }
}
