import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { SAFETY_CHECK_KIND_LABELS, SafetyCheckKind, SafetyTemplateDetail, SafetyTemplateListItem } from '@szpm/contract';
import { DataSource, EntityManager, In, QueryFailedError } from 'typeorm';
import { Actor } from '../../../access/actor';
import { DistrictScope } from '../../../access/district-scope';
import { AppException } from '../../../common/errors/app.exception';
import { escapeLike } from '../../../common/sql/like';
import { CopyTemplateDto, CreateTemplateDto, IndicatorDto, TemplateQueryDto, UpdateTemplateDto } from '../dto/template.dto';
import { SafetyCheckIndicator } from '../entities/safety-check-indicator.entity';
import { SafetyCheckSubItem } from '../entities/safety-check-sub-item.entity';
import { SafetyCheckTemplate } from '../entities/safety-check-template.entity';
import { DEFAULT_SAFETY_TEMPLATES } from './template-defaults';

const TEMPLATE_LABEL = '检查模板';

export interface TemplateTree {
  template: SafetyCheckTemplate;
  indicators: Array<{ indicator: SafetyCheckIndicator; subItems: SafetyCheckSubItem[] }>;
}

/**
 * 安全生产检查库: templates with indicators and sub-items. A district sees the city-wide templates
 * and its own, and maintains its own; the city maintains the city-wide ones (and may correct any).
 * An edit replaces the indicators and sub-items and raises the version; launched inspections hold
 * a copy, so they never change with it.
 */
@Injectable()
export class TemplatesService implements OnApplicationBootstrap {
  private readonly logger = new Logger('SafetyCheckTemplates');

  constructor(
    private readonly dataSource: DataSource,
    private readonly scope: DistrictScope,
  ) {}

  /** Loads the default library when there is no template at all (a fresh or reset database). */
  async onApplicationBootstrap(): Promise<void> {
    // eslint-disable-next-line szpm/no-raw-scoped-access -- start-up, no actor: is there any template at all
    if ((await this.dataSource.getRepository(SafetyCheckTemplate).count()) > 0) return;
    try {
      await this.dataSource.transaction(async (manager) => {
        for (const template of DEFAULT_SAFETY_TEMPLATES) {
          const saved = await manager.save(
            // eslint-disable-next-line szpm/no-raw-scoped-access -- start-up, no actor: the city-wide default library
            manager.create(SafetyCheckTemplate, { districtId: null, defaultKey: template.key, name: template.name, kind: template.kind, description: template.description, version: 1, createdById: null }),
          );
          await this.writeTree(manager, saved.id, template.indicators);
        }
      });
      this.logger.log('default safety-check templates loaded');
    } catch (error) {
      // another instance starting at the same moment loaded them
      if (!(error instanceof QueryFailedError && /duplicate|unique/i.test(error.message))) throw error;
    }
  }

  async list(actor: Actor, query: TemplateQueryDto): Promise<SafetyTemplateListItem[]> {
    const districtId = this.scope.districtFilter(actor);
    // eslint-disable-next-line szpm/no-raw-scoped-access -- city-wide templates are shared: filtered on the next lines to those and the district districtFilter resolved
    const qb = this.dataSource.getRepository(SafetyCheckTemplate).createQueryBuilder('t');
    // the city sees every template; a district the city-wide ones and its own
    if (districtId !== null) qb.where('(t.districtId IS NULL OR t.districtId = :districtId)', { districtId });
    if (query.kind) qb.andWhere('t.kind = :kind', { kind: query.kind });
    if (query.search) qb.andWhere("t.name LIKE :search ESCAPE '!'", { search: `%${escapeLike(query.search)}%` });
    const templates = await qb.orderBy('t.districtId', 'ASC').addOrderBy('t.id', 'ASC').getMany();
    const counts = await this.counts(templates.map((t) => t.id));
    return templates.map((t) => toListItem(t, counts.get(t.id) ?? { indicators: 0, subItems: 0 }));
  }

  async detail(actor: Actor, id: number): Promise<SafetyTemplateDetail> {
    return toDetail(await this.readable(actor, id, this.dataSource.manager));
  }

  /** A template the actor may launch or copy, with its items (read inside the caller's transaction). */
  async readable(actor: Actor, id: number, manager: EntityManager): Promise<TemplateTree> {
    // eslint-disable-next-line szpm/no-raw-scoped-access -- city-wide templates are readable by all; a district's one is checked by the door on the lines below
    const template = await manager.findOne(SafetyCheckTemplate, { where: { id } });
    if (!template) throw AppException.notFound(TEMPLATE_LABEL);
    if (template.districtId !== null) this.scope.repository(actor, SafetyCheckTemplate, TEMPLATE_LABEL, manager).assertInScope(template.districtId);
    return this.tree(manager, template);
  }

  async create(actor: Actor, dto: CreateTemplateDto): Promise<SafetyTemplateDetail> {
    const districtId = this.scope.repository(actor, SafetyCheckTemplate, TEMPLATE_LABEL).districtId;
    const id = await this.dataSource.transaction(async (manager) => {
      const saved = await manager.save(
        // eslint-disable-next-line szpm/no-raw-scoped-access -- the new template in the actor's district (the door's districtId)
        manager.create(SafetyCheckTemplate, { districtId, defaultKey: null, name: dto.name, kind: dto.kind, description: dto.description ?? null, version: 1, createdById: actor.accountId }),
      );
      await this.writeTree(manager, saved.id, dto.indicators);
      return saved.id;
    });
    return this.detail(actor, id);
  }

  async update(actor: Actor, id: number, dto: UpdateTemplateDto): Promise<SafetyTemplateDetail> {
    await this.dataSource.transaction(async (manager) => {
      await this.scope.repository(actor, SafetyCheckTemplate, TEMPLATE_LABEL, manager).findById(id);
      // the version the editor read: a concurrent edit makes this match nothing
      // eslint-disable-next-line szpm/no-raw-scoped-access -- the version-checked update of a template the door has just returned
      const result = await manager
        .createQueryBuilder()
        .update(SafetyCheckTemplate)
        .set({ name: dto.name, kind: dto.kind, description: dto.description ?? null, version: () => 'version + 1' })
        .where('id = :id AND version = :version', { id, version: dto.version })
        .execute();
      if (!result.affected) throw AppException.conflict('该模板已被他人修改，请刷新后重新编辑');
      await manager.delete(SafetyCheckSubItem, { templateId: id });
      await manager.delete(SafetyCheckIndicator, { templateId: id });
      await this.writeTree(manager, id, dto.indicators);
    });
    return this.detail(actor, id);
  }

  async remove(actor: Actor, id: number): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await this.scope.repository(actor, SafetyCheckTemplate, TEMPLATE_LABEL, manager).findById(id);
      await manager.delete(SafetyCheckSubItem, { templateId: id });
      await manager.delete(SafetyCheckIndicator, { templateId: id });
      // eslint-disable-next-line szpm/no-raw-scoped-access -- deletes a template the door has just returned
      await manager.delete(SafetyCheckTemplate, { id });
    });
  }

  /** A copy in the actor's own library (a district adapting a city-wide template). */
  async copy(actor: Actor, id: number, dto: CopyTemplateDto): Promise<SafetyTemplateDetail> {
    const districtId = this.scope.repository(actor, SafetyCheckTemplate, TEMPLATE_LABEL).districtId;
    const copyId = await this.dataSource.transaction(async (manager) => {
      const source = await this.readable(actor, id, manager);
      const saved = await manager.save(
        // eslint-disable-next-line szpm/no-raw-scoped-access -- the copy goes to the actor's district (the door's districtId), from a template readable() allowed
        manager.create(SafetyCheckTemplate, {
          districtId,
          defaultKey: null,
          name: dto.name ?? source.template.name,
          kind: source.template.kind,
          description: source.template.description,
          version: 1,
          createdById: actor.accountId,
        }),
      );
      await this.writeTree(
        manager,
        saved.id,
        source.indicators.map(({ indicator, subItems }) => ({ name: indicator.name, subItems: subItems.map((s) => ({ content: s.content, facility: s.facility })) })),
      );
      return saved.id;
    });
    return this.detail(actor, copyId);
  }

  private async writeTree(manager: EntityManager, templateId: number, indicators: Array<Pick<IndicatorDto, 'name' | 'subItems'>>): Promise<void> {
    for (const [index, indicator] of indicators.entries()) {
      const saved = await manager.save(manager.create(SafetyCheckIndicator, { templateId, name: indicator.name, sortOrder: index + 1 }));
      await manager.insert(
        SafetyCheckSubItem,
        indicator.subItems.map((s, i) => ({ templateId, indicatorId: saved.id, content: s.content, facility: s.facility ?? null, sortOrder: i + 1 })),
      );
    }
  }

  private async tree(manager: EntityManager, template: SafetyCheckTemplate): Promise<TemplateTree> {
    const indicators = await manager.find(SafetyCheckIndicator, { where: { templateId: template.id }, order: { sortOrder: 'ASC', id: 'ASC' } });
    const subItems = await manager.find(SafetyCheckSubItem, { where: { templateId: template.id }, order: { sortOrder: 'ASC', id: 'ASC' } });
    return { template, indicators: indicators.map((indicator) => ({ indicator, subItems: subItems.filter((s) => s.indicatorId === indicator.id) })) };
  }

  private async counts(ids: number[]): Promise<Map<number, { indicators: number; subItems: number }>> {
    const counts = new Map<number, { indicators: number; subItems: number }>();
    if (!ids.length) return counts;
    const indicators = await this.dataSource.getRepository(SafetyCheckIndicator).find({ select: { templateId: true }, where: { templateId: In(ids) } });
    const subItems = await this.dataSource.getRepository(SafetyCheckSubItem).find({ select: { templateId: true }, where: { templateId: In(ids) } });
    for (const id of ids) counts.set(id, { indicators: indicators.filter((i) => i.templateId === id).length, subItems: subItems.filter((s) => s.templateId === id).length });
    return counts;
  }
}

function toListItem(t: SafetyCheckTemplate, counts: { indicators: number; subItems: number }): SafetyTemplateListItem {
  return {
    id: t.id,
    name: t.name,
    kind: t.kind,
    kindLabel: SAFETY_CHECK_KIND_LABELS[t.kind as SafetyCheckKind],
    districtId: t.districtId,
    version: t.version,
    indicatorCount: counts.indicators,
    subItemCount: counts.subItems,
    updatedAt: t.updatedAt.toISOString(),
  };
}

function toDetail({ template, indicators }: TemplateTree): SafetyTemplateDetail {
  return {
    ...toListItem(template, { indicators: indicators.length, subItems: indicators.reduce((n, i) => n + i.subItems.length, 0) }),
    description: template.description,
    indicators: indicators.map(({ indicator, subItems }) => ({
      id: indicator.id,
      name: indicator.name,
      sortOrder: indicator.sortOrder,
      subItems: subItems.map((s) => ({ id: s.id, content: s.content, facility: s.facility, sortOrder: s.sortOrder })),
    })),
  };
}
