import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Region, RegionLevel } from '../../regions/entities/region.entity';

/** District names for lists; districts never change while the app runs, so they are read once. */
@Injectable()
export class DistrictNamesService {
  private names: Map<number, string> | null = null;

  constructor(private readonly dataSource: DataSource) {}

  async all(): Promise<Map<number, string>> {
    if (!this.names || this.names.size === 0) {
      // eslint-disable-next-line szpm/no-raw-scoped-access -- district names, city-wide reference data
      const rows = await this.dataSource.getRepository(Region).find({ where: { level: RegionLevel.DISTRICT }, select: { id: true, name: true } });
      this.names = new Map(rows.map((r) => [r.id, r.name]));
    }
    return this.names;
  }
}
