import { GrantDto, ROLE_LABELS, StaffDetail, StaffListItem } from '@szpm/contract';
import { Account } from '../../access/entities/account.entity';
import { maskPhone } from '../../common/http/masking';

export function isBound(account: Account): boolean {
  return Boolean(account.wechatOpenId || account.miniOpenId);
}

/** A list row: the phone is always masked; the district's name when the list has it at hand. */
export function toStaffListItem(account: Account, districtName: string | null = null): StaffListItem {
  return {
    id: account.id,
    name: account.name,
    phone: maskPhone(account.phone),
    role: account.role,
    roleLabel: ROLE_LABELS[account.role],
    position: account.position,
    avatarUrl: account.avatarUrl,
    wechatBound: isBound(account),
    status: account.status,
    districtName,
  };
}

/** The detail page; the full phone only for those allowed to see it. */
export function toStaffDetail(
  account: Account,
  context: { fullPhone: boolean; districtName: string | null; streetName: string | null; grants: GrantDto[] },
): StaffDetail {
  return {
    ...toStaffListItem(account),
    phone: context.fullPhone ? account.phone : maskPhone(account.phone),
    username: account.username,
    email: account.email,
    districtName: context.districtName,
    streetName: context.streetName,
    boundAt: account.boundAt?.toISOString() ?? null,
    lastLoginAt: account.lastLoginAt?.toISOString() ?? null,
    grants: context.grants,
  };
}
