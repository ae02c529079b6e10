import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import {
  AccountStatus,
  AuthErrorCode,
  CITY_ROLES,
  CreatedAccount,
  GrantAction,
  PasswordResetResult,
  MODULE_BY_KEY,
  ModuleKey,
  PermissionsErrorCode,
  Role,
  ROLE_DEFAULT_GRANTS,
  UNIT_CATEGORY_ROLE,
  UnitCategory,
} from '@szpm/contract';
import { randomInt } from 'node:crypto';
import { DataSource, Repository } from 'typeorm';
import { Actor, isCityActor } from '../../access/actor';
import { DistrictScope } from '../../access/district-scope';
import { Account } from '../../access/entities/account.entity';
import { ModuleGrant } from '../../access/entities/module-grant.entity';
import { AppException } from '../../common/errors/app.exception';
import { AuthException } from '../auth/auth.exception';
import { hashPassword, isStrongPassword } from '../auth/password';
import { SessionService } from '../auth/session.service';
import { RecipientResolver } from '../notifications/reminders/recipient-resolver';
import { Region, RegionLevel } from '../regions/entities/region.entity';
import { CreateAccountDto } from './dto/admin-account.dto';
import { PermissionsException } from './permissions.exception';

/** Who administers accounts and grants (on top of the permissions module's operate grant, which also allows 催绑). */
export const ACCOUNT_ADMIN_ROLES: readonly Role[] = [Role.CITY_ADMIN, Role.DISTRICT_LEAD];

/** The roles a district lead may create and manage; city admins manage every role. */
const DISTRICT_LEAD_MANAGES: readonly Role[] = [
  Role.DISTRICT_SUPERVISOR,
  Role.DISTRICT_HANDLER,
  Role.STREET_OFFICER,
  Role.PROPERTY_COMPANY,
  Role.PROJECT_MANAGER,
  Role.OWNERS_COMMITTEE,
];

const UNIT_CATEGORY_OF_ROLE = new Map<Role, UnitCategory>(Object.entries(UNIT_CATEGORY_ROLE).map(([category, role]) => [role, category as UnitCategory]));

/** Accounts are created in advance (no self-registration): a district lead for the district, a city admin for anyone. */
@Injectable()
export class AccountAdminService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly scope: DistrictScope,
    private readonly recipients: RecipientResolver,
    private readonly sessions: SessionService,
    // eslint-disable-next-line szpm/no-raw-scoped-access -- updates only accounts managedAccount() has just fetched through the door
    @InjectRepository(Account) private readonly accounts: Repository<Account>,
    @InjectRepository(ModuleGrant) private readonly grants: Repository<ModuleGrant>,
    // eslint-disable-next-line szpm/no-raw-scoped-access -- checks the district districtFilter resolved and a street within it, for a new account's placement
    @InjectRepository(Region) private readonly regions: Repository<Region>,
  ) {}

  async create(actor: Actor, dto: CreateAccountDto): Promise<CreatedAccount> {
    this.assertMayManageRole(actor, dto.role);
    const placement = await this.placement(actor, dto);
    if (dto.password !== undefined && !isStrongPassword(dto.password)) throw new AuthException(AuthErrorCode.WEAK_PASSWORD);
    const temporaryPassword = dto.password === undefined ? generatePassword() : null;
    const passwordHash = await hashPassword(dto.password ?? temporaryPassword!);

    return this.dataSource.transaction(async (manager) => {
      // eslint-disable-next-line szpm/no-raw-scoped-access -- usernames are unique city-wide
      if (await manager.existsBy(Account, { username: dto.username })) throw new PermissionsException(PermissionsErrorCode.USERNAME_TAKEN);
      // eslint-disable-next-line szpm/no-raw-scoped-access -- phones are unique city-wide
      if (await manager.existsBy(Account, { phone: dto.phone })) throw new PermissionsException(PermissionsErrorCode.PHONE_TAKEN);
      const account = await manager.save(
        // eslint-disable-next-line szpm/no-raw-scoped-access -- the new account, placed by placement() in the actor's scope
        manager.create(Account, {
          username: dto.username,
          passwordHash,
          name: dto.name,
          phone: dto.phone,
          role: dto.role,
          ...placement,
          status: AccountStatus.ACTIVE,
          position: dto.position ?? null,
          email: dto.email ?? null,
          createdById: actor.accountId,
          // the creator knows this password: the owner changes it at the first login
          passwordChangedAt: null,
        }),
      );
      const defaults = ROLE_DEFAULT_GRANTS[dto.role];
      if (defaults.length) {
        await manager.insert(
          ModuleGrant,
          defaults.map((g) => ({ accountId: account.id, module: g.module, action: g.action, grantedById: actor.accountId })),
        );
      }
      return { id: account.id, username: account.username, temporaryPassword };
    });
  }

  async setStatus(actor: Actor, id: number, status: AccountStatus.ACTIVE | AccountStatus.DISABLED): Promise<void> {
    const account = await this.managedAccount(actor, id);
    if (account.status === AccountStatus.CANCELLED) throw AppException.conflict('该账号已注销，不能再启用或停用');
    await this.accounts.update({ id }, { status, ...(status === AccountStatus.ACTIVE ? { failedLoginCount: 0, lockedUntil: null } : {}) });
    if (status === AccountStatus.DISABLED) await this.sessions.revokeAll(id);
  }

  /**
   * 重置密码: the account gets an initial password again (the given one, or one generated and
   * answered once), must change it at its next login, is unlocked, and every session of it ends.
   */
  async resetPassword(actor: Actor, id: number, password?: string): Promise<PasswordResetResult> {
    const account = await this.managedAccount(actor, id);
    if (account.status === AccountStatus.CANCELLED) throw AppException.conflict('该账号已注销，不能重置密码');
    if (password !== undefined && !isStrongPassword(password)) throw new AuthException(AuthErrorCode.WEAK_PASSWORD, { field: 'password' });
    const temporaryPassword = password === undefined ? generatePassword() : null;
    await this.accounts.update({ id }, { passwordHash: await hashPassword(password ?? temporaryPassword!), passwordChangedAt: null, failedLoginCount: 0, lockedUntil: null });
    await this.sessions.revokeAll(id);
    return { temporaryPassword };
  }

  async addGrant(actor: Actor, id: number, module: ModuleKey, action: GrantAction): Promise<void> {
    await this.managedAccount(actor, id);
    this.assertMayGrant(actor, module);
    const exists = await this.grants.existsBy({ accountId: id, module, action });
    if (!exists) await this.grants.insert({ accountId: id, module, action, grantedById: actor.accountId });
  }

  async removeGrant(actor: Actor, id: number, module: ModuleKey, action: GrantAction): Promise<void> {
    await this.managedAccount(actor, id);
    this.assertMayGrant(actor, module);
    await this.grants.delete({ accountId: id, module, action });
  }

  /** An account the actor may change: in scope, of a role they manage, and not their own. */
  private async managedAccount(actor: Actor, id: number): Promise<Account> {
    if (id === actor.accountId) throw new PermissionsException(PermissionsErrorCode.CANNOT_CHANGE_SELF);
    const account = await this.scope.repository(actor, Account, '账号').findById(id);
    this.assertMayManageRole(actor, account.role);
    return account;
  }

  private assertMayManageRole(actor: Actor, role: Role) {
    if (actor.role === Role.CITY_ADMIN) return;
    if (actor.role === Role.DISTRICT_LEAD && DISTRICT_LEAD_MANAGES.includes(role)) return;
    throw new PermissionsException(PermissionsErrorCode.ROLE_NOT_ALLOWED);
  }

  private assertMayGrant(actor: Actor, module: ModuleKey) {
    if (MODULE_BY_KEY[module].cityGrantOnly && !isCityActor(actor)) throw new PermissionsException(PermissionsErrorCode.GRANT_CITY_ONLY);
  }

  /** Where the new account sits: district, street and the unit it speaks for, all checked against the actor's scope. */
  private async placement(actor: Actor, dto: CreateAccountDto): Promise<Pick<Account, 'districtId' | 'streetId' | 'unitCategory' | 'unitId'>> {
    if (CITY_ROLES.includes(dto.role)) {
      if (dto.districtId || dto.streetId || dto.unitId) throw AppException.invalidField('districtId', '市局账号不属于任何行政区，请不要填写行政区、街道或单位');
      return { districtId: null, streetId: null, unitCategory: null, unitId: null };
    }
    const districtId = this.scope.districtFilter(actor, dto.districtId);
    if (districtId === null) throw AppException.invalidField('districtId', 'districtId不能为空：请选择账号所属的行政区');
    const district = await this.regions.findOneBy({ id: districtId, level: RegionLevel.DISTRICT });
    if (!district) throw AppException.invalidField('districtId', 'districtId不是有效的行政区');

    if (dto.role === Role.STREET_OFFICER) {
      const street = dto.streetId ? await this.regions.findOneBy({ id: dto.streetId, level: RegionLevel.STREET, districtId }) : null;
      if (!street) throw AppException.invalidField('streetId', 'streetId必须是本区的街道');
      return { districtId, streetId: street.id, unitCategory: UnitCategory.STREET_OFFICE, unitId: street.id };
    }
    const category = UNIT_CATEGORY_OF_ROLE.get(dto.role);
    if (category) {
      if (!dto.unitId) throw AppException.invalidField('unitId', 'unitId不能为空：请选择账号所代表的单位');
      const units = await this.recipients.units(category, districtId);
      if (!units.some((u) => u.unitId === dto.unitId)) throw new PermissionsException(PermissionsErrorCode.UNIT_NOT_FOUND);
      return { districtId, streetId: null, unitCategory: category, unitId: dto.unitId };
    }
    return { districtId, streetId: null, unitCategory: null, unitId: null };
  }
}

/** A 12-character first password with all four character classes, shown to the creator once. */
function generatePassword(): string {
  const sets = ['ABCDEFGHJKLMNPQRSTUVWXYZ', 'abcdefghijkmnopqrstuvwxyz', '23456789', '@#%&*!?'];
  const chars = sets.map((s) => s[randomInt(s.length)]);
  const all = sets.join('');
  while (chars.length < 12) chars.push(all[randomInt(all.length)]);
  for (let i = chars.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [chars[i], chars[j]] = [chars[j], chars[i]];
  }
  return chars.join('');
}
