/**
 * The owners' side of the official account (manual ch. 1, 我的小区): an owner signs in with the
 * WeChat identity alone and binds it to houses (业主身份绑定); chapters 9 (业主评价) and 10 (业主投票)
 * are fed through these bindings.
 */
import type { WechatChannel } from './identity';

/** POST /api/owner/session/wechat: the WeChat code of the official account (oa) or the mini-program. */
export interface OwnerWechatLoginRequest {
  channel: WechatChannel;
  code: string;
}

/** POST /api/owner/session/dev (embedded mode only): a development openid stands in for WeChat. */
export interface OwnerDevLoginRequest {
  /** a local openid (DEV_WECHAT_OPENID_PATTERN); without it a new one is issued */
  openid?: string;
}

export interface OwnerSession {
  /** the owner's bearer token (`typ: owner`); it opens the /api/owner endpoints only */
  accessToken: string;
  expiresIn: number;
  openid?: string;
  me: OwnerMe;
}

/** One house the WeChat identity is bound to. The owner's own name and ID number are shown masked. */
export interface OwnerHouseBinding {
  bindingId: number;
  houseId: number;
  /** 1栋2单元301 */
  houseLabel: string;
  floorArea: number;
  propertyAreaId: number;
  propertyAreaName: string;
  /** whether the area has an owners' committee (业委会评价 is offered only then) */
  hasCommittee: boolean;
  ownerName: string;
  idNumberMasked: string;
  boundAt: string;
}

/** GET /api/owner/me */
export interface OwnerMe {
  identityId: number;
  bindings: OwnerHouseBinding[];
}

/**
 * POST /api/owner/bindings/sms-code and POST /api/owner/bindings: the owner proves the house by the
 * registered name, the ID number or the 不动产单元号, and the registered phone's SMS code.
 */
export interface OwnerBindRequest {
  name: string;
  /** 身份证号码; either this or realEstateUnitNo */
  idNumber?: string;
  /** 不动产单元号: binds that one house */
  realEstateUnitNo?: string;
  phone: string;
}

export interface OwnerBindConfirmRequest extends OwnerBindRequest {
  code: string;
}

export enum OwnerErrorCode {
  /** the name, ID number (or unit number) and phone do not match one registered owner: the message never says which part is wrong */
  NOT_MATCHED = 'OWNER_NOT_MATCHED',
  LOOKUP_LOCKED = 'OWNER_LOOKUP_LOCKED',
  PROOF_REQUIRED = 'OWNER_PROOF_REQUIRED',
  ALREADY_BOUND = 'OWNER_ALREADY_BOUND',
  NOT_BOUND = 'OWNER_HOUSE_NOT_BOUND',
  SESSION_REQUIRED = 'OWNER_SESSION_REQUIRED',
}

export const OWNER_ERROR_MESSAGES: Record<OwnerErrorCode, string> = {
  [OwnerErrorCode.NOT_MATCHED]: '未找到与所填信息一致的业主登记，请核对后重试',
  [OwnerErrorCode.LOOKUP_LOCKED]: '核验失败次数过多，请30分钟后再试',
  [OwnerErrorCode.PROOF_REQUIRED]: '请填写身份证号码或不动产单元号',
  [OwnerErrorCode.ALREADY_BOUND]: '该房屋已绑定到当前微信',
  [OwnerErrorCode.NOT_BOUND]: '您未绑定该房屋，请先完成业主身份绑定',
  [OwnerErrorCode.SESSION_REQUIRED]: '请先以业主身份登录',
};
