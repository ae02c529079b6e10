import { MigrationInterface, QueryRunner } from 'typeorm';

export class PropertyAreaRegistry1797000000000 implements MigrationInterface {
  name = 'PropertyAreaRegistry1797000000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"buildings\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"propertyAreaId\" integer NOT NULL, \"districtId\" integer NOT NULL, \"code\" varchar(32) NOT NULL, \"name\" varchar(32) NOT NULL, \"totalFloors\" integer NOT NULL, \"hasBasement\" boolean NOT NULL DEFAULT (0), \"independent\" boolean NOT NULL DEFAULT (0), \"structure\" varchar(16) NOT NULL DEFAULT ('RC'), \"buildYear\" integer, \"registeredArea\" double, \"projectCost\" double)");
    await queryRunner.query('CREATE INDEX "IDX_3182f3891691ca0b5583cc20c6" ON "buildings" ("districtId") ');
    await queryRunner.query('CREATE UNIQUE INDEX "IDX_8a3f73dde85ed8b336153a24f8" ON "buildings" ("propertyAreaId", "code") ');
    await queryRunner.query("CREATE TABLE \"property_area_profiles\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"propertyAreaId\" integer NOT NULL, \"districtId\" integer NOT NULL, \"areaType\" varchar(16), \"serviceType\" varchar(16), \"contractType\" varchar(16), \"contractStart\" varchar(10), \"contractEnd\" varchar(10), \"servicePrice\" double, \"collectionRate\" double, \"totalHouseholds\" integer, \"ownerCount\" integer, \"occupiedHouseholds\" integer, \"handoverDate\" varchar(10), \"buildArea\" double, \"serviceArea\" double, \"siteArea\" double, \"greenArea\" double, \"parkingArea\" double, \"publicFacilityArea\" double, \"multiStoreyArea\" double, \"highRiseArea\" double, \"villaArea\" double, \"officeArea\" double, \"commerceArea\" double, \"industrialArea\" double, \"municipalArea\" double, \"otherArea\" double, \"averagePrice\" double, \"boundEast\" varchar(128), \"boundSouth\" varchar(128), \"boundWest\" varchar(128), \"boundNorth\" varchar(128), \"totalPhases\" integer, \"phase\" integer, \"hasCommittee\" boolean NOT NULL DEFAULT (0), \"committeeName\" varchar(128), \"committeePhone\" varchar(32), \"managementOffice\" varchar(128), \"managementOfficePhone\" varchar(32), \"developerName\" varchar(128), \"updatedAt\" datetime NOT NULL DEFAULT (datetime('now')))");
    await queryRunner.query('CREATE UNIQUE INDEX "IDX_44c54cc596c9ec625e345e8667" ON "property_area_profiles" ("propertyAreaId") ');
    await queryRunner.query('CREATE INDEX "IDX_0c26f3c2d5a55ba02ca2849dc8" ON "property_area_profiles" ("districtId") ');
    await queryRunner.query('DROP INDEX "IDX_c507ebebf1a9432a4a31b79240"');
    await queryRunner.query('DROP INDEX "IDX_d66241508e01aa015e1e327c0e"');
    await queryRunner.query('CREATE TABLE "temporary_houses" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "propertyAreaId" integer NOT NULL, "districtId" integer NOT NULL, "building" varchar(16) NOT NULL, "unitNo" varchar(8) NOT NULL, "roomNo" varchar(8) NOT NULL, "floorArea" double NOT NULL, "usage" varchar(16) NOT NULL, "buildingId" integer, "realEstateUnitNo" varchar(32), "floor" integer, "buildingArea" double, "innerArea" double, "sharedArea" double, "chargeArea" double, "houseType" varchar(16), "saleStatus" varchar(16), "hasElevator" boolean, "fundDue" double, "fundBalance" double)');
    await queryRunner.query('INSERT INTO "temporary_houses"("id", "propertyAreaId", "districtId", "building", "unitNo", "roomNo", "floorArea", "usage") SELECT "id", "propertyAreaId", "districtId", "building", "unitNo", "roomNo", "floorArea", "usage" FROM "houses"');
    await queryRunner.query('DROP TABLE "houses"');
    await queryRunner.query('ALTER TABLE "temporary_houses" RENAME TO "houses"');
    await queryRunner.query('CREATE INDEX "IDX_c507ebebf1a9432a4a31b79240" ON "houses" ("districtId") ');
    await queryRunner.query('CREATE INDEX "IDX_d66241508e01aa015e1e327c0e" ON "houses" ("propertyAreaId") ');
    await queryRunner.query('DROP INDEX "IDX_fc0d24cb5f9b5f49f8daa0a090"');
    await queryRunner.query('DROP INDEX "IDX_75af04705bab401dab2ac78815"');
    await queryRunner.query('DROP INDEX "IDX_320d13f57602e28a38bf4c70c6"');
    await queryRunner.query('DROP INDEX "IDX_6ed6f64d4abb596c3febd00d03"');
    await queryRunner.query('DROP INDEX "IDX_53adbbdf56141783d1cb847200"');
    await queryRunner.query('DROP INDEX "IDX_21355a278d597217d373f39216"');
    await queryRunner.query("CREATE TABLE \"temporary_property_areas\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"code\" varchar(32) NOT NULL, \"name\" varchar(128) NOT NULL, \"districtId\" integer NOT NULL, \"streetId\" integer NOT NULL, \"communityId\" integer NOT NULL, \"address\" varchar(255) NOT NULL, \"companyId\" integer, \"projectManagerId\" integer, \"developerId\" integer, \"floorArea\" integer NOT NULL, \"houseCount\" integer NOT NULL, \"longitude\" double NOT NULL, \"latitude\" double NOT NULL, \"createdAt\" datetime NOT NULL DEFAULT (datetime('now')), \"landNumber\" varchar(64), \"location\" varchar(255), \"externalCode\" varchar(64), \"selfManaged\" boolean NOT NULL DEFAULT (0), \"otherCityProject\" boolean NOT NULL DEFAULT (0), \"ownersCommitteeId\" integer, \"remarks\" varchar(500), \"boundaryGeoJson\" text, \"coordinateStatus\" varchar(16) NOT NULL DEFAULT ('UNPLOTTED'), \"layer\" varchar(64), \"version\" integer NOT NULL DEFAULT (1), \"updatedAt\" datetime NOT NULL DEFAULT (datetime('now')))");
    await queryRunner.query('INSERT INTO "temporary_property_areas"("id", "code", "name", "districtId", "streetId", "communityId", "address", "companyId", "projectManagerId", "developerId", "floorArea", "houseCount", "longitude", "latitude", "createdAt") SELECT "id", "code", "name", "districtId", "streetId", "communityId", "address", "companyId", "projectManagerId", "developerId", "floorArea", "houseCount", "longitude", "latitude", "createdAt" FROM "property_areas"');
    await queryRunner.query('DROP TABLE "property_areas"');
    await queryRunner.query('ALTER TABLE "temporary_property_areas" RENAME TO "property_areas"');
    await queryRunner.query('CREATE INDEX "IDX_fc0d24cb5f9b5f49f8daa0a090" ON "property_areas" ("districtId", "streetId", "communityId") ');
    await queryRunner.query('CREATE INDEX "IDX_75af04705bab401dab2ac78815" ON "property_areas" ("developerId") ');
    await queryRunner.query('CREATE INDEX "IDX_320d13f57602e28a38bf4c70c6" ON "property_areas" ("projectManagerId") ');
    await queryRunner.query('CREATE INDEX "IDX_6ed6f64d4abb596c3febd00d03" ON "property_areas" ("companyId") ');
    await queryRunner.query('CREATE INDEX "IDX_53adbbdf56141783d1cb847200" ON "property_areas" ("name") ');
    await queryRunner.query('CREATE UNIQUE INDEX "IDX_21355a278d597217d373f39216" ON "property_areas" ("code") ');
    await queryRunner.query('CREATE INDEX "IDX_b392deccf3ff430eb9c40f3ef2" ON "houses" ("propertyAreaId", "buildingId", "unitNo") ');
    await queryRunner.query('CREATE INDEX "IDX_e512c4913569c4ea5068248cdc" ON "property_areas" ("districtId", "longitude", "latitude") ');
    await queryRunner.query('CREATE INDEX "IDX_7465dc0f9e45d4b5efc3c53352" ON "property_areas" ("districtId", "coordinateStatus") ');
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "IDX_7465dc0f9e45d4b5efc3c53352"');
    await queryRunner.query('DROP INDEX "IDX_e512c4913569c4ea5068248cdc"');
    await queryRunner.query('DROP INDEX "IDX_b392deccf3ff430eb9c40f3ef2"');
    await queryRunner.query('DROP INDEX "IDX_21355a278d597217d373f39216"');
    await queryRunner.query('DROP INDEX "IDX_53adbbdf56141783d1cb847200"');
    await queryRunner.query('DROP INDEX "IDX_6ed6f64d4abb596c3febd00d03"');
    await queryRunner.query('DROP INDEX "IDX_320d13f57602e28a38bf4c70c6"');
    await queryRunner.query('DROP INDEX "IDX_75af04705bab401dab2ac78815"');
    await queryRunner.query('DROP INDEX "IDX_fc0d24cb5f9b5f49f8daa0a090"');
    await queryRunner.query('ALTER TABLE "property_areas" RENAME TO "temporary_property_areas"');
    await queryRunner.query("CREATE TABLE \"property_areas\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"code\" varchar(32) NOT NULL, \"name\" varchar(128) NOT NULL, \"districtId\" integer NOT NULL, \"streetId\" integer NOT NULL, \"communityId\" integer NOT NULL, \"address\" varchar(255) NOT NULL, \"companyId\" integer, \"projectManagerId\" integer, \"developerId\" integer, \"floorArea\" integer NOT NULL, \"houseCount\" integer NOT NULL, \"longitude\" double NOT NULL, \"latitude\" double NOT NULL, \"createdAt\" datetime NOT NULL DEFAULT (datetime('now')))");
    await queryRunner.query('INSERT INTO "property_areas"("id", "code", "name", "districtId", "streetId", "communityId", "address", "companyId", "projectManagerId", "developerId", "floorArea", "houseCount", "longitude", "latitude", "createdAt") SELECT "id", "code", "name", "districtId", "streetId", "communityId", "address", "companyId", "projectManagerId", "developerId", "floorArea", "houseCount", "longitude", "latitude", "createdAt" FROM "temporary_property_areas"');
    await queryRunner.query('DROP TABLE "temporary_property_areas"');
    await queryRunner.query('CREATE UNIQUE INDEX "IDX_21355a278d597217d373f39216" ON "property_areas" ("code") ');
    await queryRunner.query('CREATE INDEX "IDX_53adbbdf56141783d1cb847200" ON "property_areas" ("name") ');
    await queryRunner.query('CREATE INDEX "IDX_6ed6f64d4abb596c3febd00d03" ON "property_areas" ("companyId") ');
    await queryRunner.query('CREATE INDEX "IDX_320d13f57602e28a38bf4c70c6" ON "property_areas" ("projectManagerId") ');
    await queryRunner.query('CREATE INDEX "IDX_75af04705bab401dab2ac78815" ON "property_areas" ("developerId") ');
    await queryRunner.query('CREATE INDEX "IDX_fc0d24cb5f9b5f49f8daa0a090" ON "property_areas" ("districtId", "streetId", "communityId") ');
    await queryRunner.query('DROP INDEX "IDX_d66241508e01aa015e1e327c0e"');
    await queryRunner.query('DROP INDEX "IDX_c507ebebf1a9432a4a31b79240"');
    await queryRunner.query('ALTER TABLE "houses" RENAME TO "temporary_houses"');
    await queryRunner.query('CREATE TABLE "houses" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "propertyAreaId" integer NOT NULL, "districtId" integer NOT NULL, "building" varchar(16) NOT NULL, "unitNo" varchar(8) NOT NULL, "roomNo" varchar(8) NOT NULL, "floorArea" double NOT NULL, "usage" varchar(16) NOT NULL)');
    await queryRunner.query('INSERT INTO "houses"("id", "propertyAreaId", "districtId", "building", "unitNo", "roomNo", "floorArea", "usage") SELECT "id", "propertyAreaId", "districtId", "building", "unitNo", "roomNo", "floorArea", "usage" FROM "temporary_houses"');
    await queryRunner.query('DROP TABLE "temporary_houses"');
    await queryRunner.query('CREATE INDEX "IDX_d66241508e01aa015e1e327c0e" ON "houses" ("propertyAreaId") ');
    await queryRunner.query('CREATE INDEX "IDX_c507ebebf1a9432a4a31b79240" ON "houses" ("districtId") ');
    await queryRunner.query('DROP INDEX "IDX_0c26f3c2d5a55ba02ca2849dc8"');
    await queryRunner.query('DROP INDEX "IDX_44c54cc596c9ec625e345e8667"');
    await queryRunner.query('DROP TABLE "property_area_profiles"');
    await queryRunner.query('DROP INDEX "IDX_8a3f73dde85ed8b336153a24f8"');
    await queryRunner.query('DROP INDEX "IDX_3182f3891691ca0b5583cc20c6"');
    await queryRunner.query('DROP TABLE "buildings"');
  }
}
