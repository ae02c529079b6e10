import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { NotificationsModule } from '../notifications/notifications.module';
import { AreaRegistryModule } from '../property-areas/areas/area-registry.module';
import { RegionsModule } from '../regions/regions.module';
import { PARKING_ENTITIES } from './entities';
import { AreaParkingController, ParkingStatisticsController } from './parking.controller';
import { ParkingStatisticsService } from './parking-statistics.service';
import { ParkingService } from './parking.service';

/**
 * Chapter 13, 车位信息: the project managers' parking filings with their dispute reports (the area
 * detail's 车位信息 tab and its history), 车位信息统计 and 住宅小区车位纠纷类型情况 by region with the
 * projects behind every number and the xlsx, and 提醒更新 to projects that never filed.
 */
@Module({
  imports: [TypeOrmModule.forFeature(PARKING_ENTITIES), RegionsModule, NotificationsModule, AreaRegistryModule],
  controllers: [ParkingStatisticsController, AreaParkingController],
  providers: [ParkingService, ParkingStatisticsService],
})
export class ParkingModule {}
