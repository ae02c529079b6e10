import { Injectable } from '@nestjs/common';
import { NoticeAudience, NoticeErrorCode, NoticeTargetView } from '@szpm/contract';
import { Actor, isCityActor } from '../../access/actor';
import { DistrictScope } from '../../access/district-scope';
import { AppException } from '../../common/errors/app.exception';
import { RecipientGroup, RecipientResolver } from '../notifications/reminders/recipient-resolver';
import { PropertyArea } from '../regions/entities/property-area.entity';
import { Region, RegionLevel } from '../regions/entities/region.entity';
import { NoticeAudienceDto } from './dto/notice.dto';
import { NoticeException } from './notices.exception';

export interface ResolvedRecipient {
  accountId: number;
  audience: NoticeAudience;
  unitName: string;
}

/** The notice's audiences are the resolver's groups of the same names. */
const GROUP_OF: Record<NoticeAudience, RecipientGroup> = {
  [NoticeAudience.PROJECT_MANAGER]: RecipientGroup.PROJECT_MANAGER,
  [NoticeAudience.COMMITTEE_CHAIR]: RecipientGroup.COMMITTEE_CHAIR,
  [NoticeAudience.DISTRICT_OFFICER]: RecipientGroup.DISTRICT_OFFICER,
};
const AUDIENCE_OF = Object.fromEntries(Object.entries(GROUP_OF).map(([audience, group]) => [group, audience])) as Record<RecipientGroup, NoticeAudience>;

/**
 * Turns a sender's choice (audiences; districts, streets, communities, property areas) into the
 * accounts that receive the notice. Everything chosen must lie in the sender's scope: district
 * officers reach their own district, the city reaches every district.
 */
@Injectable()
export class NoticeAudienceResolver {
  constructor(
    private readonly scope: DistrictScope,
    private readonly resolver: RecipientResolver,
  ) {}

  async resolve(actor: Actor, dto: NoticeAudienceDto): Promise<{ target: NoticeTargetView; recipients: ResolvedRecipient[] }> {
    if (dto.audiences.includes(NoticeAudience.DISTRICT_OFFICER) && !isCityActor(actor)) throw new NoticeException(NoticeErrorCode.AUDIENCE_NOT_ALLOWED);
    const districts = await this.districts(actor, dto.districtIds);
    const target: NoticeTargetView = {
      audiences: dto.audiences,
      districtIds: dto.districtIds ?? [],
      streetIds: dto.streetIds ?? [],
      communityIds: dto.communityIds ?? [],
      propertyAreaIds: dto.propertyAreaIds ?? [],
    };
    await this.assertRegions(actor, districts, 'streetIds', RegionLevel.STREET, target.streetIds);
    await this.assertRegions(actor, districts, 'communityIds', RegionLevel.COMMUNITY, target.communityIds);
    await this.assertAreas(actor, districts, target.propertyAreaIds);
    const { recipients } = await this.resolver.resolve(actor, {
      groups: dto.audiences.map((a) => GROUP_OF[a]),
      districtIds: districts,
      streetIds: target.streetIds,
      communityIds: target.communityIds,
      propertyAreaIds: target.propertyAreaIds,
    });
    return { target, recipients: recipients.map((r) => ({ accountId: r.accountId, audience: AUDIENCE_OF[r.group], unitName: r.unitName })) };
  }

  /** The districts the notice covers: null means every district (city accounts only). */
  private async districts(actor: Actor, requested: number[] | undefined): Promise<number[] | null> {
    if (!requested?.length) {
      const own = this.scope.districtFilter(actor);
      return own === null ? null : [own];
    }
    await this.scope.repository(actor, Region, '行政区').assertAllInScope(requested, {
      where: { level: RegionLevel.DISTRICT },
      missing: (ids) => AppException.invalidField('districtIds', `行政区${ids.join('、')}不存在`),
    });
    return requested;
  }

  private async assertAreas(actor: Actor, districts: number[] | null, propertyAreaIds: number[]): Promise<void> {
    const found = await this.scope.repository(actor, PropertyArea, '物业项目').findAllByIds(propertyAreaIds, {
      missing: (ids) => AppException.invalidField('propertyAreaIds', `物业项目${ids.join('、')}不存在`),
    });
    const outside = found.find((area) => districts && !districts.includes(area.districtId));
    if (outside) throw AppException.invalidField('propertyAreaIds', `物业项目${outside.id}不在所选行政区内`);
  }

  private async assertRegions(actor: Actor, districts: number[] | null, field: string, level: RegionLevel, ids: number[]): Promise<void> {
    const label = level === RegionLevel.STREET ? '街道' : '社区';
    const found = await this.scope.repository(actor, Region, label).findAllByIds(ids, {
      where: { level },
      missing: (missing) => AppException.invalidField(field, `${label}${missing.join('、')}不存在`),
    });
    const outside = found.find((region) => districts && !districts.includes(region.districtId));
    if (outside) throw AppException.invalidField(field, `${outside.name}不在所选行政区内`);
  }
}
