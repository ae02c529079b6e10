import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { FacilityErrorCode, FacilityTypeNode } from '@szpm/contract';
import { DataSource, EntityManager, QueryFailedError } from 'typeorm';
import { CreateFacilityTypeDto, UpdateFacilityTypeDto } from './dto/facility.dto';
import { FacilityType } from './entities/facility-type.entity';
import { FacilityException } from './facilities.exception';
import { ensureDefaultFacilityTypes, FacilityTypeCatalogue, loadCatalogue, MAX_TYPE_DEPTH } from './facility-type-catalogue';

/**
 * 设施设备类型目录: a city-wide tree read by every officer, maintained by city admins. Seeded with
 * the defaults on first start (a race of two instances loses on the unique code and is ignored).
 */
@Injectable()
export class FacilityTypesService implements OnApplicationBootstrap {
  private readonly logger = new Logger('FacilityTypes');

  constructor(private readonly dataSource: DataSource) {}

  async onApplicationBootstrap(): Promise<void> {
    try {
      if (await this.dataSource.transaction((m) => ensureDefaultFacilityTypes(m))) this.logger.log('seeded the default facility-type catalogue');
    } catch (error) {
      if (!(error instanceof QueryFailedError)) throw error;
    }
  }

  catalogue(manager: EntityManager = this.dataSource.manager): Promise<FacilityTypeCatalogue> {
    return loadCatalogue(manager);
  }

  async tree(includeDisabled = false): Promise<FacilityTypeNode[]> {
    return (await this.catalogue()).tree(includeDisabled);
  }

  async create(dto: CreateFacilityTypeDto): Promise<FacilityTypeNode> {
    return this.dataSource.transaction(async (manager) => {
      const catalogue = await loadCatalogue(manager);
      const parentId = dto.parentId ?? null;
      const parent = parentId === null ? null : catalogue.get(parentId);
      if (parentId !== null && (!parent || catalogue.depthOf(parentId) >= MAX_TYPE_DEPTH)) throw new FacilityException(FacilityErrorCode.TYPE_PARENT_INVALID);
      this.assertFree(catalogue, { code: dto.code, name: dto.name, parentId }, null);
      const saved = await manager.save(
        manager.create(FacilityType, {
          parentId,
          code: dto.code,
          name: dto.name,
          sortOrder: dto.sortOrder ?? 0,
          isSpecialEquipment: dto.isSpecialEquipment ?? parent?.isSpecialEquipment ?? false,
          enabled: dto.enabled ?? true,
        }),
      );
      return this.nodeOf(manager, saved.id);
    });
  }

  async update(id: number, dto: UpdateFacilityTypeDto): Promise<FacilityTypeNode> {
    return this.dataSource.transaction(async (manager) => {
      const catalogue = await loadCatalogue(manager);
      const type = await manager.findOne(FacilityType, { where: { id } });
      if (!type) throw new FacilityException(FacilityErrorCode.TYPE_NOT_FOUND);
      const parentId = dto.parentId === undefined ? type.parentId : dto.parentId;
      if (parentId !== type.parentId && parentId !== null) {
        // not under itself or its own subtree, and the moved subtree stays within three levels
        if (!catalogue.get(parentId) || catalogue.subtreeOf(id).includes(parentId) || catalogue.depthOf(parentId) + catalogue.heightOf(id) > MAX_TYPE_DEPTH) {
          throw new FacilityException(FacilityErrorCode.TYPE_PARENT_INVALID);
        }
      }
      this.assertFree(catalogue, { code: dto.code ?? type.code, name: dto.name ?? type.name, parentId }, id);
      Object.assign(type, {
        parentId,
        code: dto.code ?? type.code,
        name: dto.name ?? type.name,
        sortOrder: dto.sortOrder ?? type.sortOrder,
        isSpecialEquipment: dto.isSpecialEquipment ?? type.isSpecialEquipment,
        enabled: dto.enabled ?? type.enabled,
      });
      await manager.save(type);
      return this.nodeOf(manager, id);
    });
  }

  private assertFree(catalogue: FacilityTypeCatalogue, type: { code: string; name: string; parentId: number | null }, self: number | null): void {
    if (catalogue.rows.some((r) => r.id !== self && r.code === type.code)) throw new FacilityException(FacilityErrorCode.TYPE_CODE_TAKEN);
    if (catalogue.rows.some((r) => r.id !== self && r.parentId === type.parentId && r.name === type.name)) throw new FacilityException(FacilityErrorCode.TYPE_NAME_TAKEN);
  }

  private async nodeOf(manager: EntityManager, id: number): Promise<FacilityTypeNode> {
    const catalogue = await loadCatalogue(manager);
    const find = (nodes: FacilityTypeNode[]): FacilityTypeNode | undefined => nodes.reduce<FacilityTypeNode | undefined>((hit, n) => hit ?? (n.id === id ? n : find(n.children)), undefined);
    return find(catalogue.tree(true))!;
  }
}
