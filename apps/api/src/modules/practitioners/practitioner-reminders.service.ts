import { Inject, Injectable } from '@nestjs/common';
import { CampaignKind, MESSAGE_LINKS, PractitionerRemindResult } from '@szpm/contract';
import { DataSource } from 'typeorm';
import { Actor } from '../../access/actor';
import { DistrictScope } from '../../access/district-scope';
import { AppException } from '../../common/errors/app.exception';
import { AppConfig, APP_CONFIG } from '../../config/app-config';
import { bureauName, RecipientResolver } from '../notifications/reminders/recipient-resolver';
import { RemindersService } from '../notifications/reminders/reminders.service';
import { PropertyArea } from '../regions/entities/property-area.entity';
import { Region } from '../regions/entities/region.entity';
import { PractitionerRemindDto } from './dto/practitioner.dto';
import { PractitionerRoster } from './entities';

/** The cooldown subject of a district's 提醒更新: each manager is asked at most once per cooldown, whoever asks. */
export const ROSTER_REMINDER_SUBJECT = 'practitioner-roster';

/**
 * 提醒更新 (manual: 对在本行政区有在管项目的项目经理发送催办通知): every project manager with a project
 * under management in the district, or with onlyOutdated only those of projects never filed or not
 * updated for the setting's days; through the reminder path (cooldown, UrgeResult, 409 when nobody).
 */
@Injectable()
export class PractitionerRemindersService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly scope: DistrictScope,
    private readonly recipients: RecipientResolver,
    private readonly reminders: RemindersService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async remind(actor: Actor, dto: PractitionerRemindDto): Promise<PractitionerRemindResult> {
    const districtId = this.scope.districtFilter(actor, dto.districtId);
    if (districtId === null) throw AppException.invalidField('districtId', '市局账号提醒更新须选择行政区');
    const qb = this.scope
      .repository(actor, PropertyArea, '物业项目')
      .query('a')
      .select(['a.id', 'a.name', 'a.projectManagerId'])
      .andWhere('a.districtId = :districtId AND a.projectManagerId IS NOT NULL', { districtId });
    if (dto.onlyOutdated) {
      const staleBefore = new Date(Date.now() - this.config.practitioners.staleDays * 86_400_000);
      // eslint-disable-next-line szpm/no-raw-scoped-access -- the roster filing of areas the scoped query returns
      qb.leftJoin(PractitionerRoster, 'r', 'r.propertyAreaId = a.id').andWhere('(r.id IS NULL OR r.lastUpdatedAt <= :staleBefore)', { staleBefore });
    }
    const areas = await qb.orderBy('a.id', 'ASC').getMany();
    const managers = await this.recipients.projectManagers(areas);
    const reached = new Set(managers.map((m) => m.unitId));
    // eslint-disable-next-line szpm/no-raw-scoped-access -- names the district districtFilter resolved, for the message
    const district = await this.dataSource.getRepository(Region).findOne({ where: { id: districtId } });
    const result = await this.reminders.remind({
      kind: CampaignKind.REMIND_UPDATE,
      sender: { id: actor.accountId, name: actor.name },
      districtId,
      subject: { type: ROSTER_REMINDER_SUBJECT, id: districtId },
      recipients: { accountIds: managers.map((m) => m.accountId), withoutAccount: new Set(areas.filter((a) => !reached.has(a.projectManagerId)).map((a) => a.projectManagerId)).size },
      title: '请完善项目从业人员信息',
      content: `${bureauName(district?.name)}提醒您：请登录物业管理信息平台，在“我的项目—从业人员”中核对并更新所负责项目的从业人员信息（姓名、岗位、证书等），如无变化请点击“确认已更新”。`,
      link: MESSAGE_LINKS.practitionerRoster(),
      nothingToUrgeMessage: dto.onlyOutdated ? '没有需要提醒的项目经理：本区项目的从业人员信息均已在期限内更新' : '本区没有有在管项目的项目经理',
    });
    return { ...result, projects: areas.length };
  }
}
