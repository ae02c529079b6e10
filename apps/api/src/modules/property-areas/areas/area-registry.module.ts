import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { RegionsModule } from '../../regions/regions.module';
import { PROPERTY_AREA_ENTITIES } from '../entities';
import { AreaStatisticsController } from '../statistics/area-statistics.controller';
import { AreaStatisticsService } from '../statistics/area-statistics.service';
import { PropertyAreasController } from './property-areas.controller';
import { PropertyAreasService } from './property-areas.service';

/**
 * The registry's own routes. PropertyAreasModule imports it after FacilitiesModule and
 * AreaChangesModule, so that their fixed paths (/property-areas/field-rules, /change-requests, …)
 * are routed before this module's /property-areas/:id; statistics before :id too.
 */
@Module({
  imports: [TypeOrmModule.forFeature(PROPERTY_AREA_ENTITIES), RegionsModule],
  controllers: [AreaStatisticsController, PropertyAreasController],
  providers: [PropertyAreasService, AreaStatisticsService],
  exports: [PropertyAreasService],
})
export class AreaRegistryModule {}
