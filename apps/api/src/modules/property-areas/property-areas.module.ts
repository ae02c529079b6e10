import { Module } from '@nestjs/common';
import { AreaRegistryModule } from './areas/area-registry.module';
import { AreaChangesModule } from './changes/area-changes.module';
import { FacilitiesModule } from './facilities/facilities.module';

/**
 * Chapter 5, 项目管理: the property-area registry (物业区域管理) with its detail tabs, house tree and
 * 本区项目统计 (AreaRegistryModule), the facility ledger (FacilitiesModule) and edits that need
 * approval (AreaChangesModule). The registry comes last: its /property-areas/:id must not shadow the
 * fixed paths of the other two (Nest routes modules in the order they are imported).
 */
@Module({
  imports: [FacilitiesModule, AreaChangesModule, AreaRegistryModule],
})
export class PropertyAreasModule {}
