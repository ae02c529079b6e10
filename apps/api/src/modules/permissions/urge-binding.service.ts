import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { AccountStatus, DeliveryChannel, UnitCategory, UrgeBindingResult } from '@szpm/contract';
import { Brackets, DataSource, In, IsNull, LessThan, Repository } from 'typeorm';
import { Actor } from '../../access/actor';
import { DistrictScope } from '../../access/district-scope';
import { Account } from '../../access/entities/account.entity';
import { AppException } from '../../common/errors/app.exception';
import { CampaignKind } from '../notifications/entities/notification-campaign.entity';
import { NotificationsService } from '../notifications/notifications.service';
import { Region } from '../regions/entities/region.entity';
import { isBound } from './account-view';
import { BindingStatsService } from './binding-stats.service';
import { UrgeBindingDto } from './dto/urge-binding.dto';

export const URGE_BINDING_COOLDOWN_MS = 24 * 3600 * 1000;

/**
 * 催绑: reminds unbound accounts of the actor's scope to bind their WeChat identity, through the
 * notification pipeline (inbox, plus SMS when configured; the campaign is queued when the
 * transaction commits). Each account is urged at most once per 24 hours.
 */
@Injectable()
export class UrgeBindingService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly scope: DistrictScope,
    private readonly stats: BindingStatsService,
    private readonly notifications: NotificationsService,
    @InjectRepository(Account) private readonly accounts: Repository<Account>,
    @InjectRepository(Region) private readonly regions: Repository<Region>,
  ) {}

  async urge(actor: Actor, dto: UrgeBindingDto): Promise<UrgeBindingResult> {
    const districtId = this.scope.districtFilter(actor);
    const inScope = await this.accountsInScope(districtId, dto.unitCategory);
    let candidates: Account[];
    if (dto.accountIds) {
      const byId = new Map(inScope.map((a) => [a.id, a]));
      const outside = dto.accountIds.filter((id) => !byId.has(id));
      if (outside.length) {
        const existing = await this.accounts.countBy({ id: In(outside) });
        if (existing < outside.length) throw AppException.notFound('账号');
        throw AppException.outOfDistrict();
      }
      candidates = dto.accountIds.map((id) => byId.get(id)!);
    } else {
      candidates = inScope;
    }
    const unbound = candidates.filter((a) => !isBound(a) && a.status === AccountStatus.ACTIVE);
    const skippedAlreadyBound = candidates.length - unbound.length;
    const district = districtId ? await this.regions.findOneBy({ id: districtId }) : null;

    const { claimed, campaignId } = await this.dataSource.transaction(async (manager) => {
      const now = new Date();
      const cutoff = new Date(now.getTime() - URGE_BINDING_COOLDOWN_MS);
      const claimedIds: number[] = [];
      for (const account of unbound) {
        // the conditional update is the cooldown: of two urges at once, only one claims the account
        const result = await manager
          .createQueryBuilder()
          .update(Account)
          .set({ lastUrgedToBindAt: now })
          .where('id = :id', { id: account.id })
          .andWhere(new Brackets((w) => w.where({ lastUrgedToBindAt: IsNull() }).orWhere({ lastUrgedToBindAt: LessThan(cutoff) })))
          .execute();
        if (result.affected) claimedIds.push(account.id);
      }
      if (!claimedIds.length) return { claimed: claimedIds, campaignId: null };
      const campaign = await this.notifications.createCampaign(manager, {
        kind: CampaignKind.URGE_BINDING,
        sender: { id: actor.accountId, name: actor.name },
        districtId,
        title: '请尽快完成微信身份绑定',
        content:
          `${district ? district.name + '住房和建设局' : '深圳市住房和建设局'}提醒您：请关注“深圳市住房和建设局”微信公众号，` +
          '进入“业务办理—物业—物业服务”，选择相应身份入口，填写姓名、手机号码和短信验证码完成身份绑定。',
        link: '/pages/identity/bind',
        recipientIds: claimedIds,
        // unbound accounts have no openid for WeChat to reach: the inbox, and SMS when SMS_NOTIFY_TEMPLATE_ID is set
        channels: [DeliveryChannel.SMS],
      });
      return { claimed: claimedIds, campaignId: campaign.id };
    });
    if (campaignId) await this.notifications.enqueue(campaignId);
    return { campaignId, urged: claimed.length, skippedInCooldown: unbound.length - claimed.length, skippedAlreadyBound };
  }

  /** Officers of the district and the accounts of the units that belong to it (the same units the statistics count). */
  private async accountsInScope(districtId: number | null, onlyCategory?: UnitCategory): Promise<Account[]> {
    const found = new Map<number, Account>();
    if (!onlyCategory) {
      const officers = this.accounts.createQueryBuilder('a').where('a.unitCategory IS NULL').andWhere('a.status = :active', { active: AccountStatus.ACTIVE });
      if (districtId !== null) officers.andWhere('a.districtId = :districtId', { districtId });
      for (const a of await officers.getMany()) found.set(a.id, a);
    }
    for (const category of onlyCategory ? [onlyCategory] : Object.values(UnitCategory)) {
      const units = await this.stats.units(category, districtId);
      for (const a of await this.stats.unitAccounts(category, units.map((u) => u.unitId))) found.set(a.id, a);
    }
    return [...found.values()];
  }
}
