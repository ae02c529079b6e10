import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { AccountStatus, NoticeAudience, NoticeErrorCode, NoticeTargetView, Role, UnitCategory } from '@szpm/contract';
import { Brackets, In, Repository } from 'typeorm';
import { Actor, isCityActor } from '../../access/actor';
import { DistrictScope } from '../../access/district-scope';
import { Account } from '../../access/entities/account.entity';
import { AppException } from '../../common/errors/app.exception';
import { OwnersCommittee } from '../regions/entities/owners-committee.entity';
import { PropertyArea } from '../regions/entities/property-area.entity';
import { Region, RegionLevel } from '../regions/entities/region.entity';
import { PublishNoticeDto } from './dto/notice.dto';
import { NoticeException } from './notices.exception';

export interface ResolvedRecipient {
  accountId: number;
  audience: NoticeAudience;
  unitName: string;
}

const CHUNK = 1000;
const OFFICER_ROLES = [Role.DISTRICT_LEAD, Role.DISTRICT_SUPERVISOR, Role.DISTRICT_HANDLER];

function chunks<T>(items: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK));
  return out;
}

/** '福田花园、莲花苑、景田小区等5个项目' */
export function areasLabel(names: string[]): string {
  const shown = names.slice(0, 3).join('、');
  const label = names.length > 3 ? `${shown}等${names.length}个项目` : shown;
  return [...label].slice(0, 255).join('');
}

export function bureauName(districtName: string | null): string {
  return districtName ? `${districtName}住房和建设局` : '深圳市住房和建设局';
}

/**
 * Turns a sender's choice (audiences; districts, streets, communities, property areas) into the
 * accounts that receive the notice. Everything chosen must lie in the sender's scope: district
 * officers reach their own district, the city reaches every district.
 */
@Injectable()
export class NoticeAudienceResolver {
  constructor(
    private readonly scope: DistrictScope,
    @InjectRepository(Account) private readonly accounts: Repository<Account>,
    @InjectRepository(OwnersCommittee) private readonly committees: Repository<OwnersCommittee>,
  ) {}

  async resolve(actor: Actor, dto: PublishNoticeDto): Promise<{ target: NoticeTargetView; recipients: ResolvedRecipient[] }> {
    if (dto.audiences.includes(NoticeAudience.DISTRICT_OFFICER) && !isCityActor(actor)) throw new NoticeException(NoticeErrorCode.AUDIENCE_NOT_ALLOWED);
    const districts = await this.districts(actor, dto.districtIds);
    const target: NoticeTargetView = {
      audiences: dto.audiences,
      districtIds: dto.districtIds ?? [],
      streetIds: dto.streetIds ?? [],
      communityIds: dto.communityIds ?? [],
      propertyAreaIds: dto.propertyAreaIds ?? [],
    };
    const recipients = new Map<number, ResolvedRecipient>();
    const wantsAreas = dto.audiences.some((a) => a === NoticeAudience.PROJECT_MANAGER || a === NoticeAudience.COMMITTEE_CHAIR);
    if (wantsAreas) {
      const areas = await this.areas(actor, districts, target);
      if (dto.audiences.includes(NoticeAudience.PROJECT_MANAGER)) {
        for (const r of await this.managers(areas)) recipients.set(r.accountId, r);
      }
      if (dto.audiences.includes(NoticeAudience.COMMITTEE_CHAIR)) {
        for (const r of await this.chairs(areas)) recipients.set(r.accountId, r);
      }
    }
    if (dto.audiences.includes(NoticeAudience.DISTRICT_OFFICER)) {
      for (const r of await this.officers(actor, districts)) recipients.set(r.accountId, r);
    }
    return { target, recipients: [...recipients.values()].sort((a, b) => a.accountId - b.accountId) };
  }

  /** The districts the notice covers: null means every district (city accounts only). */
  private async districts(actor: Actor, requested: number[] | undefined): Promise<number[] | null> {
    if (!requested?.length) {
      const own = this.scope.districtFilter(actor);
      return own === null ? null : [own];
    }
    for (const id of requested) this.scope.districtFilter(actor, id);
    const found = await this.scope.repository(actor, Region, '行政区').raw.findBy({ id: In(requested), level: RegionLevel.DISTRICT });
    const missing = requested.filter((id) => !found.some((r) => r.id === id));
    if (missing.length) throw AppException.invalidField('districtIds', `行政区${missing.join('、')}不存在`);
    return requested;
  }

  private async areas(actor: Actor, districts: number[] | null, target: NoticeTargetView): Promise<Array<Pick<PropertyArea, 'id' | 'name' | 'projectManagerId'>>> {
    const { streetIds, communityIds, propertyAreaIds } = target;
    await this.assertRegions(actor, districts, 'streetIds', RegionLevel.STREET, streetIds);
    await this.assertRegions(actor, districts, 'communityIds', RegionLevel.COMMUNITY, communityIds);
    const scoped = this.scope.repository(actor, PropertyArea, '物业项目');
    if (propertyAreaIds.length) {
      const found = await scoped.raw.find({ select: { id: true, districtId: true }, where: { id: In(propertyAreaIds) } });
      const missing = propertyAreaIds.filter((id) => !found.some((a) => a.id === id));
      if (missing.length) throw AppException.invalidField('propertyAreaIds', `物业项目${missing.join('、')}不存在`);
      for (const area of found) {
        scoped.assertInScope(area.districtId);
        if (districts && !districts.includes(area.districtId)) throw AppException.invalidField('propertyAreaIds', `物业项目${area.id}不在所选行政区内`);
      }
    }
    const qb = scoped.query('a').select(['a.id', 'a.name', 'a.projectManagerId']);
    if (districts) qb.andWhere('a.districtId IN (:...districts)', { districts });
    if (streetIds.length || communityIds.length || propertyAreaIds.length) {
      qb.andWhere(
        new Brackets((w) => {
          if (streetIds.length) w.orWhere('a.streetId IN (:...streetIds)', { streetIds });
          if (communityIds.length) w.orWhere('a.communityId IN (:...communityIds)', { communityIds });
          if (propertyAreaIds.length) w.orWhere('a.id IN (:...propertyAreaIds)', { propertyAreaIds });
        }),
      );
    }
    return qb.orderBy('a.id', 'ASC').getMany();
  }

  private async assertRegions(actor: Actor, districts: number[] | null, field: string, level: RegionLevel, ids: number[]): Promise<void> {
    if (!ids.length) return;
    const regions = this.scope.repository(actor, Region, level === RegionLevel.STREET ? '街道' : '社区');
    const found = await regions.raw.findBy({ id: In(ids), level });
    const missing = ids.filter((id) => !found.some((r) => r.id === id));
    if (missing.length) throw AppException.invalidField(field, `${level === RegionLevel.STREET ? '街道' : '社区'}${missing.join('、')}不存在`);
    for (const region of found) {
      regions.assertInScope(region.districtId);
      if (districts && !districts.includes(region.districtId)) throw AppException.invalidField(field, `${region.name}不在所选行政区内`);
    }
  }

  private async managers(areas: Array<Pick<PropertyArea, 'id' | 'name' | 'projectManagerId'>>): Promise<ResolvedRecipient[]> {
    const areasOf = new Map<number, string[]>();
    for (const area of areas) {
      if (area.projectManagerId === null) continue;
      areasOf.set(area.projectManagerId, [...(areasOf.get(area.projectManagerId) ?? []), area.name]);
    }
    const found: ResolvedRecipient[] = [];
    for (const ids of chunks([...areasOf.keys()])) {
      const accounts = await this.accounts.find({
        select: { id: true, unitId: true },
        where: { role: Role.PROJECT_MANAGER, unitCategory: UnitCategory.PROJECT_MANAGER, unitId: In(ids), status: AccountStatus.ACTIVE },
      });
      for (const a of accounts) found.push({ accountId: a.id, audience: NoticeAudience.PROJECT_MANAGER, unitName: areasLabel(areasOf.get(a.unitId!)!) });
    }
    return found;
  }

  private async chairs(areas: Array<Pick<PropertyArea, 'id'>>): Promise<ResolvedRecipient[]> {
    const found: ResolvedRecipient[] = [];
    for (const areaIds of chunks(areas.map((a) => a.id))) {
      const committees = await this.committees.find({ select: { id: true, name: true }, where: { propertyAreaId: In(areaIds) } });
      if (!committees.length) continue;
      const nameOf = new Map(committees.map((c) => [c.id, c.name]));
      const accounts = await this.accounts.find({
        select: { id: true, unitId: true },
        where: { role: Role.OWNERS_COMMITTEE, unitCategory: UnitCategory.OWNERS_COMMITTEE, unitId: In([...nameOf.keys()]), status: AccountStatus.ACTIVE },
      });
      for (const a of accounts) found.push({ accountId: a.id, audience: NoticeAudience.COMMITTEE_CHAIR, unitName: nameOf.get(a.unitId!)! });
    }
    return found;
  }

  private async officers(actor: Actor, districts: number[] | null): Promise<ResolvedRecipient[]> {
    const regions = this.scope.repository(actor, Region, '行政区');
    const districtRows = await regions.query('r').andWhere('r.level = :level', { level: RegionLevel.DISTRICT }).getMany();
    const nameOf = new Map(districtRows.map((r) => [r.id, r.name]));
    const accounts = await this.scope
      .repository(actor, Account, '账号')
      .query('a')
      .select(['a.id', 'a.districtId'])
      .andWhere('a.role IN (:...roles)', { roles: OFFICER_ROLES })
      .andWhere('a.status = :active', { active: AccountStatus.ACTIVE })
      .andWhere(districts ? 'a.districtId IN (:...districts)' : 'a.districtId IS NOT NULL', { districts })
      .getMany();
    return accounts.map((a) => ({ accountId: a.id, audience: NoticeAudience.DISTRICT_OFFICER, unitName: bureauName(nameOf.get(a.districtId!) ?? null) }));
  }
}
