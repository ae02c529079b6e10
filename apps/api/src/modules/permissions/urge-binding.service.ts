import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { AccountStatus, BINDING_SUBJECT, CampaignKind, DeliveryChannel, MESSAGE_LINKS, UnitCategory, UrgeBindingResult } from '@szpm/contract';
import { Repository } from 'typeorm';
import { Actor } from '../../access/actor';
import { DistrictScope } from '../../access/district-scope';
import { Account } from '../../access/entities/account.entity';
import { AppException } from '../../common/errors/app.exception';
import { bureauName, RecipientResolver } from '../notifications/reminders/recipient-resolver';
import { RemindersService } from '../notifications/reminders/reminders.service';
import { Region } from '../regions/entities/region.entity';
import { isBound } from './account-view';
import { UrgeBindingDto } from './dto/urge-binding.dto';

export const URGE_BINDING_COOLDOWN_HOURS = 24;

/**
 * 催绑: reminds unbound accounts of the actor's scope to bind their WeChat identity, through the
 * reminder path (inbox, plus SMS when configured). Each account is urged at most once per 24
 * hours, whoever urges it: the cooldown is the account's row of BINDING_SUBJECT in notification_urges.
 */
@Injectable()
export class UrgeBindingService {
  constructor(
    private readonly scope: DistrictScope,
    private readonly recipients: RecipientResolver,
    private readonly reminders: RemindersService,
    // eslint-disable-next-line szpm/no-raw-scoped-access -- names the district districtFilter resolved, for the reminder text
    @InjectRepository(Region) private readonly regions: Repository<Region>,
  ) {}

  async urge(actor: Actor, dto: UrgeBindingDto): Promise<UrgeBindingResult> {
    const districtId = this.scope.districtFilter(actor);
    const inScope = await this.accountsInScope(actor, districtId, dto.unitCategory);
    let candidates: Account[];
    if (dto.accountIds) {
      const byId = new Map(inScope.map((a) => [a.id, a]));
      const outside = dto.accountIds.filter((id) => !byId.has(id));
      if (outside.length) {
        // NOT_FOUND for ids that do not exist, OUT_OF_DISTRICT for accounts elsewhere or not urged from here
        await this.scope.repository(actor, Account, '账号').assertAllInScope(outside);
        throw AppException.outOfDistrict();
      }
      candidates = dto.accountIds.map((id) => byId.get(id)!);
    } else {
      candidates = inScope;
    }
    const unbound = candidates.filter((a) => !isBound(a) && a.status === AccountStatus.ACTIVE);
    const district = districtId ? await this.regions.findOneBy({ id: districtId }) : null;
    const result = await this.reminders.remind({
      kind: CampaignKind.URGE_BINDING,
      sender: { id: actor.accountId, name: actor.name },
      districtId,
      subject: BINDING_SUBJECT,
      recipients: { accountIds: unbound.map((a) => a.id) },
      title: '请尽快完成微信身份绑定',
      content:
        `${bureauName(district?.name)}提醒您：请关注“深圳市住房和建设局”微信公众号，` +
        '进入“业务办理—物业—物业服务”，选择相应身份入口，填写姓名、手机号码和短信验证码完成身份绑定。',
      link: MESSAGE_LINKS.bind(),
      cooldownHours: URGE_BINDING_COOLDOWN_HOURS,
      // unbound accounts have no openid for WeChat to reach: the inbox, and SMS when SMS_NOTIFY_TEMPLATE_ID is set
      channels: [DeliveryChannel.SMS],
      nothingToUrgeMessage: '没有需要催绑的账号：所选账号均已绑定微信',
    });
    return { ...result, skippedAlreadyBound: candidates.length - unbound.length };
  }

  /** Officers of the district and the accounts of the units that belong to it (the same units the statistics count). */
  private async accountsInScope(actor: Actor, districtId: number | null, onlyCategory?: UnitCategory): Promise<Account[]> {
    const found = new Map<number, Account>();
    if (!onlyCategory) {
      const officers = await this.recipients.officerAccounts(actor, { districtIds: districtId === null ? null : [districtId], includeCity: true });
      for (const a of officers) found.set(a.id, a);
    }
    for (const category of onlyCategory ? [onlyCategory] : Object.values(UnitCategory)) {
      for (const a of await this.recipients.districtUnitAccountsQuery(category, districtId).getMany()) found.set(a.id, a);
    }
    return [...found.values()];
  }
}
