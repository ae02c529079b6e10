import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { NoticeErrorCode, NoticeTypeView } from '@szpm/contract';
import { EntityManager, QueryFailedError, Repository } from 'typeorm';
import { AppException } from '../../common/errors/app.exception';
import { CreateNoticeTypeDto, NoticeTypeQueryDto, UpdateNoticeTypeDto } from './dto/notice.dto';
import { NoticeType } from './entities/notice-type.entity';
import { NoticeException } from './notices.exception';

/** The list a new installation starts with; city admins maintain it from then on. */
export const DEFAULT_NOTICE_TYPES = ['工作通知', '会议通知', '安全生产', '防汛防台风', '消防安全', '检查通知', '政策法规', '培训通知', '其他'];

const toView = (t: NoticeType): NoticeTypeView => ({ id: t.id, name: t.name, enabled: t.enabled, sortOrder: t.sortOrder });

/**
 * 通知类型: a configurable list, filled with the defaults at start when empty. Types are disabled,
 * never deleted: published notices keep the name they were sent with.
 */
@Injectable()
export class NoticeTypesService implements OnApplicationBootstrap {
  private readonly logger = new Logger('NoticeTypes');

  constructor(@InjectRepository(NoticeType) private readonly types: Repository<NoticeType>) {}

  async onApplicationBootstrap(): Promise<void> {
    if ((await this.types.count()) > 0) return;
    try {
      await this.types.insert(DEFAULT_NOTICE_TYPES.map((name, index) => ({ name, enabled: true, sortOrder: index + 1 })));
      this.logger.log('default notice types loaded');
    } catch (error) {
      // another instance starting at the same moment loaded them
      if (!(error instanceof QueryFailedError && /duplicate|unique/i.test(error.message))) throw error;
    }
  }

  async list(query: NoticeTypeQueryDto): Promise<NoticeTypeView[]> {
    const rows = await this.types.find({ where: query.includeDisabled ? {} : { enabled: true }, order: { sortOrder: 'ASC', id: 'ASC' } });
    return rows.map(toView);
  }

  /** An enabled type for a new notice. */
  async usable(manager: EntityManager, id: number): Promise<NoticeType> {
    const type = await manager.findOne(NoticeType, { where: { id } });
    if (!type || !type.enabled) throw new NoticeException(NoticeErrorCode.TYPE_NOT_USABLE);
    return type;
  }

  async create(dto: CreateNoticeTypeDto): Promise<NoticeTypeView> {
    await this.assertNameFree(dto.name);
    const max = await this.types.maximum('sortOrder');
    const saved = await this.types.save(this.types.create({ name: dto.name, enabled: true, sortOrder: dto.sortOrder ?? (max ?? 0) + 1 }));
    return toView(saved);
  }

  async update(id: number, dto: UpdateNoticeTypeDto): Promise<NoticeTypeView> {
    const type = await this.types.findOne({ where: { id } });
    if (!type) throw AppException.notFound('通知类型');
    if (dto.name !== undefined && dto.name !== type.name) await this.assertNameFree(dto.name);
    Object.assign(type, {
      ...(dto.name !== undefined && { name: dto.name }),
      ...(dto.enabled !== undefined && { enabled: dto.enabled }),
      ...(dto.sortOrder !== undefined && { sortOrder: dto.sortOrder }),
    });
    return toView(await this.types.save(type));
  }

  private async assertNameFree(name: string): Promise<void> {
    if (await this.types.exists({ where: { name } })) throw new NoticeException(NoticeErrorCode.TYPE_NAME_TAKEN);
  }
}
