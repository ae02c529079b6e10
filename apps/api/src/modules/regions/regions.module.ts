import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Developer } from './entities/developer.entity';
import { House } from './entities/house.entity';
import { OwnersCommittee } from './entities/owners-committee.entity';
import { ProjectManager } from './entities/project-manager.entity';
import { PropertyArea } from './entities/property-area.entity';
import { PropertyCompany } from './entities/property-company.entity';
import { Region } from './entities/region.entity';
import { RegionsController } from './regions.controller';
import { RegionsService } from './regions.service';
import { RegionDrilldownService } from './statistics/region-drilldown.service';

/** The organisation: regions, property areas and the companies, managers, developers and committees linked to them. */
@Module({
  imports: [TypeOrmModule.forFeature([Region, PropertyArea, PropertyCompany, ProjectManager, Developer, OwnersCommittee, House])],
  controllers: [RegionsController],
  providers: [RegionsService, RegionDrilldownService],
  exports: [RegionsService, RegionDrilldownService, TypeOrmModule],
})
export class RegionsModule {}
