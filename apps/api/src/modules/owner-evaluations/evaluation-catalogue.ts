import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { EvaluationTarget } from '@szpm/contract';
import { DataSource, QueryFailedError } from 'typeorm';
import { DiscontentReasonEntity, EvaluationItemEntity } from './entities';

/**
 * The default catalogue (Shenzhen's own item list was not found: domain notes 9a, [I]): equal
 * weights; an admin changes items and weights from then on.
 */
export const DEFAULT_EVALUATION_ITEMS: Record<EvaluationTarget, string[]> = {
  [EvaluationTarget.PROPERTY]: ['客户服务', '秩序维护(安全)', '环境卫生', '绿化养护', '设施设备维护', '公共收益与信息公开'],
  [EvaluationTarget.COMMITTEE]: ['履职尽责', '信息公开', '财务与共有资金管理', '联系业主', '依规议事'],
};

export const DEFAULT_DISCONTENT_REASONS: Record<EvaluationTarget, string[]> = {
  [EvaluationTarget.PROPERTY]: ['服务态度差', '报修响应慢', '问题长期未解决', '卫生清洁不到位', '安保管理松散', '设施损坏未修复', '收费或公共收益不透明'],
  [EvaluationTarget.COMMITTEE]: ['不履行职责', '信息不公开', '账目不透明', '不听取业主意见', '议事程序不规范'],
};

/** An empty catalogue gets the defaults on start-up. */
@Injectable()
export class EvaluationCatalogueSeed implements OnApplicationBootstrap {
  constructor(private readonly dataSource: DataSource) {}

  async onApplicationBootstrap(): Promise<void> {
    await seedEvaluationCatalogue(this.dataSource);
  }
}

export async function seedEvaluationCatalogue(dataSource: DataSource): Promise<void> {
  const items = dataSource.getRepository(EvaluationItemEntity);
  const reasons = dataSource.getRepository(DiscontentReasonEntity);
  try {
    if (!(await items.count())) {
      await items.insert(Object.values(EvaluationTarget).flatMap((target) => DEFAULT_EVALUATION_ITEMS[target].map((name, i) => ({ target, name, weight: 1, sortOrder: i + 1, active: true }))));
    }
    if (!(await reasons.count())) {
      await reasons.insert(Object.values(EvaluationTarget).flatMap((target) => DEFAULT_DISCONTENT_REASONS[target].map((name, i) => ({ target, name, sortOrder: i + 1, active: true }))));
    }
  } catch (error) {
    // another instance starting at the same time seeded them (the names are unique)
    if (!(error instanceof QueryFailedError)) throw error;
  }
}
