import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { DataSource, QueryFailedError } from 'typeorm';
import { DEFAULT_DISPUTE_CATEGORIES } from './dispute-categories';
import { DisputeCategory } from './entities/dispute-category.entity';

/** An empty 问题分类 catalogue gets the seeded categories on start-up (an admin keeps it from then on). */
@Injectable()
export class DisputeCategoriesSeed implements OnApplicationBootstrap {
  constructor(private readonly dataSource: DataSource) {}

  async onApplicationBootstrap(): Promise<void> {
    const repository = this.dataSource.getRepository(DisputeCategory);
    if (await repository.count()) return;
    try {
      await repository.insert(DEFAULT_DISPUTE_CATEGORIES.map((c, i) => ({ ...c, active: true, sortOrder: i + 1 })));
    } catch (error) {
      // another instance starting at the same time seeded them (the names are unique)
      if (!(error instanceof QueryFailedError)) throw error;
    }
  }
}
