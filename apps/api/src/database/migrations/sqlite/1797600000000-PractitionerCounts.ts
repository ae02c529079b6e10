import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Chapter 12 statistics from small rows: each area's on-duty project staff counted per position
 * (practitioner_area_counts, kept on write from now on) and each practitioner's latest qualifying
 * certificate expiry (practitioners.qualifiedUntil), with the indexes the day-dependent counters
 * read; both backfilled from the existing rows (the positions and certificate types as of now).
 */
export class PractitionerCounts1797600000000 implements MigrationInterface {
  name = 'PractitionerCounts1797600000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"practitioner_area_counts\" (\"propertyAreaId\" integer PRIMARY KEY NOT NULL, \"people\" integer NOT NULL DEFAULT (0), \"managers\" integer NOT NULL DEFAULT (0), \"customerService\" integer NOT NULL DEFAULT (0), \"security\" integer NOT NULL DEFAULT (0), \"cleaners\" integer NOT NULL DEFAULT (0), \"gardeners\" integer NOT NULL DEFAULT (0), \"maintenance\" integer NOT NULL DEFAULT (0), \"electricians\" integer NOT NULL DEFAULT (0), \"fireControl\" integer NOT NULL DEFAULT (0), \"liftSafety\" integer NOT NULL DEFAULT (0), \"otherPositions\" integer NOT NULL DEFAULT (0), \"needCertificate\" integer NOT NULL DEFAULT (0), \"partyMembers\" integer NOT NULL DEFAULT (0))");
    await queryRunner.query("ALTER TABLE \"practitioners\" ADD COLUMN \"qualifiedUntil\" varchar(10)");
    await queryRunner.query("CREATE INDEX \"IDX_b3808092675c8f44b9a8eb65a5\" ON \"practitioners\" (\"qualifiedUntil\", \"districtId\", \"employerKind\", \"status\", \"streetId\", \"communityId\", \"propertyAreaId\")");
    await queryRunner.query("CREATE INDEX \"IDX_76eed39242fd59ac4d9e469386\" ON \"practitioner_certificates\" (\"expiresAt\", \"practitionerId\")");
    // backfill: what the writes keep from now on
    await queryRunner.query("UPDATE \"practitioners\" SET \"qualifiedUntil\" = (SELECT MAX(c.\"expiresAt\") FROM \"practitioner_certificates\" c WHERE c.\"practitionerId\" = \"practitioners\".\"id\" AND ((\"practitioners\".\"position\" = 'ELECTRICIAN' AND c.\"type\" IN ('LOW_VOLTAGE_ELECTRICIAN', 'HIGH_VOLTAGE_ELECTRICIAN')) OR (\"practitioners\".\"position\" = 'FIRE_CONTROL' AND c.\"type\" IN ('FIRE_FACILITY_OPERATOR')) OR (\"practitioners\".\"position\" = 'LIFT_SAFETY' AND c.\"type\" IN ('LIFT_SAFETY_MANAGER', 'SPECIAL_EQUIPMENT_SAFETY')))) WHERE \"position\" IN ('ELECTRICIAN', 'FIRE_CONTROL', 'LIFT_SAFETY')");
    await queryRunner.query("INSERT INTO \"practitioner_area_counts\" (\"propertyAreaId\", \"people\", \"managers\", \"customerService\", \"security\", \"cleaners\", \"gardeners\", \"maintenance\", \"electricians\", \"fireControl\", \"liftSafety\", \"otherPositions\", \"needCertificate\", \"partyMembers\") SELECT p.\"propertyAreaId\", COUNT(*), SUM(CASE WHEN p.\"position\" IN ('PROJECT_MANAGER') THEN 1 ELSE 0 END), SUM(CASE WHEN p.\"position\" IN ('CUSTOMER_SERVICE') THEN 1 ELSE 0 END), SUM(CASE WHEN p.\"position\" IN ('SECURITY') THEN 1 ELSE 0 END), SUM(CASE WHEN p.\"position\" IN ('CLEANER') THEN 1 ELSE 0 END), SUM(CASE WHEN p.\"position\" IN ('GARDENER') THEN 1 ELSE 0 END), SUM(CASE WHEN p.\"position\" IN ('MAINTENANCE') THEN 1 ELSE 0 END), SUM(CASE WHEN p.\"position\" IN ('ELECTRICIAN') THEN 1 ELSE 0 END), SUM(CASE WHEN p.\"position\" IN ('FIRE_CONTROL') THEN 1 ELSE 0 END), SUM(CASE WHEN p.\"position\" IN ('LIFT_SAFETY') THEN 1 ELSE 0 END), SUM(CASE WHEN p.\"position\" IN ('FINANCE', 'ADMIN', 'OTHER') THEN 1 ELSE 0 END), SUM(CASE WHEN p.\"position\" IN ('ELECTRICIAN', 'FIRE_CONTROL', 'LIFT_SAFETY') THEN 1 ELSE 0 END), SUM(CASE WHEN p.\"isPartyMember\" = 1 THEN 1 ELSE 0 END) FROM \"practitioners\" p WHERE p.\"employerKind\" = 'PROJECT' AND p.\"status\" = 'ON_DUTY' AND p.\"propertyAreaId\" IS NOT NULL GROUP BY p.\"propertyAreaId\"");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"IDX_76eed39242fd59ac4d9e469386\"");
    await queryRunner.query("DROP INDEX \"IDX_b3808092675c8f44b9a8eb65a5\"");
    await queryRunner.query("ALTER TABLE \"practitioners\" DROP COLUMN \"qualifiedUntil\"");
    await queryRunner.query("DROP TABLE \"practitioner_area_counts\"");
  }
}
