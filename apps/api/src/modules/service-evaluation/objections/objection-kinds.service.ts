import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { ObjectionErrorCode, ObjectionKindView, ObjectionTarget } from '@szpm/contract';
import { DataSource, EntityManager, QueryFailedError } from 'typeorm';
import { AppException } from '../../../common/errors/app.exception';
import { CreateObjectionKindDto, ObjectionKindQueryDto, UpdateObjectionKindDto } from './dto/objection.dto';
import { ObjectionKind } from './entities/objection-kind.entity';
import { ObjectionException } from './objection.exception';

/** The default 异议类型, loaded into an empty catalogue; city admins maintain it from then on. */
export const DEFAULT_OBJECTION_KINDS: ReadonlyArray<Pick<ObjectionKind, 'code' | 'name' | 'target'>> = [
  { code: 'BAD_RECORD_POINTS', name: '不良信息计分异议', target: ObjectionTarget.BAD_RECORD },
  { code: 'BAD_RECORD_DETERMINATION', name: '不良信息认定异议', target: ObjectionTarget.BAD_RECORD },
  { code: 'RISK_LIST_DETERMINATION', name: '风险名单认定异议', target: ObjectionTarget.RISK_LIST_ENTRY },
  { code: 'SCORE_BASIC_INFORMATION', name: '基础信息计分异议', target: ObjectionTarget.SCORE },
];

export function toKindView(kind: ObjectionKind): ObjectionKindView {
  return { id: kind.id, code: kind.code, name: kind.name, target: kind.target, enabled: kind.enabled, sortOrder: kind.sortOrder };
}

/** 异议类型: a catalogue in the database (configurable, seeded with the defaults above). */
@Injectable()
export class ObjectionKindsService implements OnApplicationBootstrap {
  private readonly logger = new Logger('ObjectionKinds');

  constructor(private readonly dataSource: DataSource) {}

  async onApplicationBootstrap(): Promise<void> {
    const repository = this.dataSource.getRepository(ObjectionKind);
    if ((await repository.count()) > 0) return;
    try {
      await repository.insert(DEFAULT_OBJECTION_KINDS.map((k, i) => ({ ...k, enabled: true, sortOrder: i + 1 })));
      this.logger.log('default objection kinds loaded');
    } catch (error) {
      // another instance starting at the same moment loaded them
      if (!(error instanceof QueryFailedError && /duplicate|unique/i.test(error.message))) throw error;
    }
  }

  async list(query: ObjectionKindQueryDto): Promise<ObjectionKindView[]> {
    const qb = this.dataSource.getRepository(ObjectionKind).createQueryBuilder('k');
    if (query.target) qb.andWhere('k.target = :target', { target: query.target });
    if (!query.includeDisabled) qb.andWhere('k.enabled = :enabled', { enabled: true });
    return (await qb.orderBy('k.sortOrder', 'ASC').addOrderBy('k.id', 'ASC').getMany()).map(toKindView);
  }

  /** An enabled kind for the target, or KIND_NOT_USABLE naming kindId. */
  async usable(manager: EntityManager, id: number, target: ObjectionTarget): Promise<ObjectionKind> {
    const kind = await manager.findOne(ObjectionKind, { where: { id } });
    if (!kind || !kind.enabled || kind.target !== target) throw new ObjectionException(ObjectionErrorCode.KIND_NOT_USABLE, { field: 'kindId' });
    return kind;
  }

  async create(dto: CreateObjectionKindDto): Promise<ObjectionKindView> {
    const repository = this.dataSource.getRepository(ObjectionKind);
    await this.assertCodeFree(dto.code);
    return toKindView(await repository.save(repository.create({ enabled: true, sortOrder: 0, ...dto })));
  }

  async update(id: number, dto: UpdateObjectionKindDto): Promise<ObjectionKindView> {
    const repository = this.dataSource.getRepository(ObjectionKind);
    const kind = await repository.findOne({ where: { id } });
    if (!kind) throw AppException.notFound('异议类型');
    if (dto.code !== undefined && dto.code !== kind.code) await this.assertCodeFree(dto.code);
    return toKindView(await repository.save({ ...kind, ...dto }));
  }

  private async assertCodeFree(code: string): Promise<void> {
    if (await this.dataSource.getRepository(ObjectionKind).exists({ where: { code } })) throw new ObjectionException(ObjectionErrorCode.KIND_CODE_TAKEN, { field: 'code' });
  }
}
