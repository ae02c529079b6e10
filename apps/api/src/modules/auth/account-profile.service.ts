import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { GrantAction, MeResponse, ModuleGrantSummary, ModuleKey, MODULES, ROLE_LABELS } from '@szpm/contract';
import { Repository } from 'typeorm';
import { Account } from '../../access/entities/account.entity';
import { ModuleGrant } from '../../access/entities/module-grant.entity';
import { grantKey } from '../../access/actor';
import { AppConfig, APP_CONFIG } from '../../config/app-config';
import { Region } from '../regions/entities/region.entity';
import { passwordChangeStatus } from './password-age';
import { QuickEntries } from './quick-entries';

/** The account as its owner sees it after login or binding: profile, the modules it holds, the quick entries. */
@Injectable()
export class AccountProfileService {
  constructor(
    @InjectRepository(ModuleGrant) private readonly grants: Repository<ModuleGrant>,
    // eslint-disable-next-line szpm/no-raw-scoped-access -- names the caller's own district for the profile, by the account's districtId
    @InjectRepository(Region) private readonly regions: Repository<Region>,
    private readonly quickEntries: QuickEntries,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async modulesOf(accountId: number): Promise<ModuleGrantSummary[]> {
    const grants = await this.grants.find({ where: { accountId } });
    const byModule = new Map<ModuleKey, Set<GrantAction>>();
    for (const g of grants) {
      if (!byModule.has(g.module)) byModule.set(g.module, new Set());
      byModule.get(g.module)!.add(g.action);
    }
    return MODULES.filter((m) => byModule.has(m.key)).map((m) => ({
      module: m.key,
      label: m.label,
      actions: [...byModule.get(m.key)!].sort(),
    }));
  }

  /** `passwordSession` false: a WeChat session, which the forced password change does not hold up. */
  async me(account: Account, passwordSession = true): Promise<MeResponse> {
    const modules = await this.modulesOf(account.id);
    const grants = new Set(modules.flatMap((m) => m.actions.map((action) => grantKey(m.module, action))));
    const district = account.districtId ? await this.regions.findOne({ where: { id: account.districtId } }) : null;
    const passwordChange = passwordSession
      ? passwordChangeStatus(account.passwordChangedAt, this.config.security.passwordMaxAgeDays)
      : { passwordChangeRequired: false, passwordChangeReason: null };
    return {
      id: account.id,
      username: account.username,
      name: account.name,
      phone: account.phone,
      role: account.role,
      roleLabel: ROLE_LABELS[account.role],
      districtId: account.districtId,
      districtName: district?.name ?? null,
      streetId: account.streetId,
      wechatBound: Boolean(account.wechatOpenId || account.miniOpenId),
      modules,
      // while the password must be changed, no entry's route admits the account
      quickEntries: this.quickEntries.of({ role: account.role, grants, passwordChangeRequired: passwordChange.passwordChangeRequired }),
      ...passwordChange,
    };
  }
}
