import { ownerIdNumberHash } from './id-number-hash';
import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { OwnerBindConfirmRequest, OwnerBindRequest, OwnerErrorCode, OwnerHouseBinding as BindingView, OwnerMe, OwnerSession, SMS_CODE_TTL_SECONDS, SMS_RESEND_INTERVAL_SECONDS, SmsCodeSentResponse, WechatChannel } from '@szpm/contract';
import { DataSource, EntityManager, In, Repository } from 'typeorm';
import { AppException } from '../../common/errors/app.exception';
import { maskIdNumber, maskPhone } from '../../common/http/masking';
import { AppConfig, APP_CONFIG } from '../../config/app-config';
import { DevelopmentWechatIdentity } from '../../integrations/wechat/development-wechat';
import { WechatClient } from '../../integrations/wechat/wechat.client';
import { SmsPurpose } from '../identity/entities/sms-verification.entity';
import { LookupThrottle } from '../identity/lookup-throttle.service';
import { SmsCodeService } from '../identity/sms-code.service';
import { openidOfCode } from '../identity/wechat-errors';
import { House } from '../regions/entities/house.entity';
import { Owner } from '../regions/entities/owner.entity';
import { PropertyArea } from '../regions/entities/property-area.entity';
import { OwnerHouseBinding, OwnerIdentity } from './entities';
import { OWNER_SESSION_TTL_SECONDS, OwnerTokens } from './owner-session';
import { OwnerException } from './owners.exception';

/** A house the owner proved, with what its evaluations and votes need. */
export interface BoundHouse {
  binding: OwnerHouseBinding;
  house: House;
  area: PropertyArea;
}

export const houseLabel = (h: Pick<House, 'building' | 'unitNo' | 'roomNo'>): string => `${h.building}${h.unitNo}${h.roomNo}`;

/**
 * 业主身份绑定 (manual ch. 1, 我的小区): an owner signs in with the WeChat identity alone, then binds it
 * to the houses registered in the owner's name, proven by name + ID number (or 不动产单元号) + the
 * registered phone's SMS code. A miss says nothing about which part was wrong and counts towards
 * chapter 1's limit per identity. Owners never see anybody else's identity.
 */
@Injectable()
export class OwnersService {
  constructor(
    private readonly dataSource: DataSource,
    @InjectRepository(OwnerIdentity) private readonly identities: Repository<OwnerIdentity>,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly wechat: WechatClient,
    private readonly devWechat: DevelopmentWechatIdentity,
    private readonly tokens: OwnerTokens,
    private readonly smsCodes: SmsCodeService,
    private readonly throttle: LookupThrottle,
  ) {}

  async wechatLogin(channel: WechatChannel, code: string): Promise<OwnerSession> {
    return this.signIn(channel, await openidOfCode(this.wechat, channel, code));
  }

  /** Embedded mode: a local openid stands in for WeChat (the demo owners' are in the README). */
  async devLogin(previousOpenid?: string): Promise<OwnerSession> {
    if (!this.devWechat.enabled) throw AppException.notFound('开发环境微信登录');
    const openid = this.devWechat.openid(previousOpenid);
    return { ...(await this.signIn('oa', openid)), openid };
  }

  private async signIn(channel: WechatChannel, openid: string): Promise<OwnerSession> {
    let identity = await this.identities.findOne({ where: { channel, openid } });
    if (!identity) {
      // two first sign-ins at once: the unique index keeps one identity, both read it back
      await this.identities.createQueryBuilder().insert().values({ channel, openid, lastLoginAt: new Date() }).orIgnore().execute();
      identity = await this.identities.findOneOrFail({ where: { channel, openid } });
    } else {
      await this.identities.update({ id: identity.id }, { lastLoginAt: new Date() });
    }
    return { accessToken: this.tokens.sign(identity.id), expiresIn: OWNER_SESSION_TTL_SECONDS, me: await this.me(identity.id) };
  }

  async me(identityId: number): Promise<OwnerMe> {
    // eslint-disable-next-line szpm/no-raw-scoped-access -- the owner's own bindings, by the identity of the owner's token
    const bindings = await this.dataSource.getRepository(OwnerHouseBinding).find({ where: { identityId }, order: { id: 'ASC' } });
    return { identityId, bindings: await this.views(bindings) };
  }

  async sendBindCode(identityId: number, claim: OwnerBindRequest): Promise<SmsCodeSentResponse> {
    const matched = await this.matchOwner(identityId, claim);
    await this.smsCodes.send(matched[0].owner.phone, SmsPurpose.BIND_OWNER);
    return { phone: maskPhone(matched[0].owner.phone), expiresInSeconds: SMS_CODE_TTL_SECONDS, resendAfterSeconds: SMS_RESEND_INTERVAL_SECONDS };
  }

  /** Binds every house the claim proves (all the person's houses by ID number, one by 不动产单元号) that is not bound yet. */
  async confirmBind(identityId: number, claim: OwnerBindConfirmRequest): Promise<OwnerMe> {
    const matched = await this.matchOwner(identityId, claim);
    await this.smsCodes.consume(matched[0].owner.phone, SmsPurpose.BIND_OWNER, claim.code, async (manager) => {
      // eslint-disable-next-line szpm/no-raw-scoped-access -- the owner's own bindings, by the identity of the owner's token
      const existing = await manager.find(OwnerHouseBinding, { where: { identityId, houseId: In(matched.map((m) => m.house.id)) } });
      const bound = new Set(existing.map((b) => b.houseId));
      const fresh = matched.filter((m) => !bound.has(m.house.id));
      if (!fresh.length) throw new OwnerException(OwnerErrorCode.ALREADY_BOUND);
      await this.insertBindings(manager, identityId, fresh);
    });
    return this.me(identityId);
  }

  async unbind(identityId: number, bindingId: number): Promise<OwnerMe> {
    // eslint-disable-next-line szpm/no-raw-scoped-access -- removes one of the owner's own bindings (identity of the owner's token)
    const removed = await this.dataSource.getRepository(OwnerHouseBinding).delete({ id: bindingId, identityId });
    if (!removed.affected) throw AppException.notFound('房屋绑定');
    return this.me(identityId);
  }

  /** The owner's binding of a house, with the house and its area; a house the owner has not bound is refused (field houseId). */
  async boundHouse(identityId: number, houseId: number, manager: EntityManager = this.dataSource.manager): Promise<BoundHouse> {
    // eslint-disable-next-line szpm/no-raw-scoped-access -- the owner's own binding, by the identity of the owner's token
    const binding = await manager.findOne(OwnerHouseBinding, { where: { identityId, houseId } });
    if (!binding) throw new OwnerException(OwnerErrorCode.NOT_BOUND);
    // eslint-disable-next-line szpm/no-raw-scoped-access -- the house of the owner's own binding
    const house = await manager.findOneOrFail(House, { where: { id: houseId } });
    // eslint-disable-next-line szpm/no-raw-scoped-access -- the area of the owner's own bound house
    const area = await manager.findOneOrFail(PropertyArea, { where: { id: house.propertyAreaId } });
    return { binding, house, area };
  }

  /** The keyed hash an ID number is recognised by (upper case, trimmed). */
  idNumberHash(idNumber: string): string {
    return ownerIdNumberHash(this.config.owners.idHashSecret, idNumber);
  }

  /** Writes bindings (also used by the seeds): one per matched owner row and house. */
  async insertBindings(manager: EntityManager, identityId: number, matched: Array<{ owner: Owner; house: House; area: PropertyArea }>): Promise<void> {
    // eslint-disable-next-line szpm/no-raw-scoped-access -- the owner's own bindings of houses the owner just proved
    await manager.insert(
      OwnerHouseBinding,
      matched.map(({ owner, house, area }) => ({
        identityId,
        houseId: house.id,
        ownerId: owner.id,
        propertyAreaId: area.id,
        districtId: area.districtId,
        streetId: area.streetId,
        ownerName: owner.name,
        idNumberHash: this.idNumberHash(owner.idNumber),
        idNumberMasked: maskIdNumber(owner.idNumber),
      })),
    );
  }

  /**
   * The registered owner rows (with their houses) of exactly this name and phone, narrowed by the
   * ID number or the 不动产单元号. No match is one error, whatever part was wrong.
   */
  private async matchOwner(identityId: number, claim: OwnerBindRequest): Promise<Array<{ owner: Owner; house: House; area: PropertyArea }>> {
    if (!claim.idNumber && !claim.realEstateUnitNo) throw new OwnerException(OwnerErrorCode.PROOF_REQUIRED);
    const key = `owner:${identityId}`;
    if (await this.throttle.locked(key)) throw new OwnerException(OwnerErrorCode.LOOKUP_LOCKED);
    const manager = this.dataSource.manager;
    // eslint-disable-next-line szpm/no-raw-scoped-access -- the registry rows of the claimed person, before any district applies: an owner proves a house anywhere in the city
    const owners = await manager.find(Owner, { where: { name: claim.name, phone: claim.phone } });
    const withHouse = owners.filter((o) => o.houseId !== null);
    // eslint-disable-next-line szpm/no-raw-scoped-access -- the houses of the registry rows just read
    const houses = withHouse.length ? await manager.find(House, { where: { id: In(withHouse.map((o) => o.houseId!)) } }) : [];
    const houseById = new Map(houses.map((h) => [h.id, h]));
    const hash = claim.idNumber ? this.idNumberHash(claim.idNumber) : null;
    const matched = withHouse
      .map((owner) => ({ owner, house: houseById.get(owner.houseId!) }))
      .filter((m): m is { owner: Owner; house: House } => m.house !== undefined)
      .filter((m) => (hash ? this.idNumberHash(m.owner.idNumber) === hash : m.house.realEstateUnitNo?.toUpperCase() === claim.realEstateUnitNo));
    if (!matched.length) {
      await this.throttle.recordMiss(key);
      throw new OwnerException(OwnerErrorCode.NOT_MATCHED);
    }
    // eslint-disable-next-line szpm/no-raw-scoped-access -- the areas of the houses the claim proved
    const areas = await manager.find(PropertyArea, { where: { id: In([...new Set(matched.map((m) => m.house.propertyAreaId))]) } });
    const areaById = new Map(areas.map((a) => [a.id, a]));
    return matched.map((m) => ({ ...m, area: areaById.get(m.house.propertyAreaId)! }));
  }

  private async views(bindings: OwnerHouseBinding[]): Promise<BindingView[]> {
    if (!bindings.length) return [];
    const manager = this.dataSource.manager;
    // eslint-disable-next-line szpm/no-raw-scoped-access -- the houses of the owner's own bindings
    const houses = await manager.find(House, { where: { id: In(bindings.map((b) => b.houseId)) } });
    // eslint-disable-next-line szpm/no-raw-scoped-access -- the areas of the owner's own bindings (names only)
    const areas = await manager.find(PropertyArea, { where: { id: In([...new Set(bindings.map((b) => b.propertyAreaId))]) }, select: { id: true, name: true, ownersCommitteeId: true } });
    const houseById = new Map(houses.map((h) => [h.id, h]));
    const areaById = new Map(areas.map((a) => [a.id, a]));
    return bindings.map((b) => {
      const house = houseById.get(b.houseId)!;
      const area = areaById.get(b.propertyAreaId)!;
      return {
        bindingId: b.id,
        houseId: b.houseId,
        houseLabel: houseLabel(house),
        floorArea: house.floorArea,
        propertyAreaId: area.id,
        propertyAreaName: area.name,
        hasCommittee: area.ownersCommitteeId !== null,
        ownerName: b.ownerName,
        idNumberMasked: b.idNumberMasked,
        boundAt: b.boundAt.toISOString(),
      };
    });
  }
}
