import {
  ProjectManagerChangeRequest,
  ProjectRegistrationRequest,
  PropertyAreaDetail,
  RegionNode,
} from '@szpm/contract';
import { ConfirmWords } from './confirm';

/** 项目登记 (a counterpart registers a new project, or files the update of its own). */
export interface RegistrationForm {
  /** the own area updated; null: a new project */
  propertyAreaId: number | null;
  name: string;
  streetId: number | null;
  communityId: number | null;
  address: string;
  floorArea: string;
  houseCount: string;
  longitude: string;
  latitude: string;
  developerName: string;
  handoverDate: string;
  contactName: string;
  contactPhone: string;
  remarks: string;
}

export type RegistrationField = keyof RegistrationForm;

/** The api's limits (dto/counterpart.dto.ts of the changes module). */
export const NAME_MAX = 128;
export const ADDRESS_MAX = 255;
export const REMARKS_MAX = 500;
export const PERSON_NAME_MAX = 32;
export const CERTIFICATE_MAX = 32;
/** 中心点 coordinates as the field catalogue bounds them (China). */
export const LONGITUDE_RANGE = [73, 136] as const;
export const LATITUDE_RANGE = [3, 54] as const;

/** The api's field names mapped to the form's (for the 400's `details`). */
export const REGISTRATION_API_FIELDS: Readonly<Record<string, RegistrationField>> = {
  name: 'name',
  communityId: 'communityId',
  address: 'address',
  floorArea: 'floorArea',
  houseCount: 'houseCount',
  longitude: 'longitude',
  latitude: 'latitude',
  developerName: 'developerName',
  handoverDate: 'handoverDate',
  contactName: 'contactName',
  contactPhone: 'contactPhone',
  remarks: 'remarks',
};

export function emptyRegistration(): RegistrationForm {
  return {
    propertyAreaId: null,
    name: '',
    streetId: null,
    communityId: null,
    address: '',
    floorArea: '',
    houseCount: '',
    longitude: '',
    latitude: '',
    developerName: '',
    handoverDate: '',
    contactName: '',
    contactPhone: '',
    remarks: '',
  };
}

/** The update of an own project starts from what is on record. */
export function registrationFromArea(area: PropertyAreaDetail, contact: { name: string; phone: string }): RegistrationForm {
  return {
    propertyAreaId: area.id,
    name: area.name,
    streetId: area.streetId,
    communityId: area.communityId,
    address: area.address ?? '',
    floorArea: String(area.floorArea ?? ''),
    houseCount: String(area.houseCount ?? ''),
    longitude: String(area.longitude ?? ''),
    latitude: String(area.latitude ?? ''),
    developerName: area.developerName ?? '',
    handoverDate: area.handoverDate ?? '',
    contactName: contact.name,
    contactPhone: contact.phone,
    remarks: '',
  };
}

/** 11 digits of a mobile, or a fixed line with its area code (the api takes digits, spaces, - and a leading +). */
const PHONE = /^(1\d{10}|0\d{2,3}-?\d{7,8})$/;
const INTEGER = /^\d+$/;
const COORDINATE = /^-?\d{1,3}(\.\d{1,8})?$/;


export function phoneProblem(phone: string): string | undefined {
  if (!phone.trim()) return '请填写联系电话';
  if (!PHONE.test(phone.trim())) return '请填写11位手机号码或带区号的固定电话';
  return undefined;
}

/** The form's own checks before sending, one sentence per field. */
export function registrationProblems(form: RegistrationForm): Partial<Record<RegistrationField, string>> {
  const p: Partial<Record<RegistrationField, string>> = {};
  const name = form.name.trim();
  if (!name) p.name = '请填写项目名称';
  else if (name.length > NAME_MAX) p.name = `项目名称不能超过${NAME_MAX}字`;
  if (form.communityId === null) p.communityId = form.streetId === null ? '请选择所在街道和社区' : '请选择所在社区';
  const address = form.address.trim();
  if (!address) p.address = '请填写项目地址';
  else if (address.length > ADDRESS_MAX) p.address = `地址不能超过${ADDRESS_MAX}字`;
  if (!form.floorArea.trim()) p.floorArea = '请填写总建筑面积';
  else if (!INTEGER.test(form.floorArea.trim()) || Number(form.floorArea) <= 0) p.floorArea = '总建筑面积须为大于0的整数（㎡）';
  if (!form.houseCount.trim()) p.houseCount = '请填写总户数';
  else if (!INTEGER.test(form.houseCount.trim())) p.houseCount = '总户数须为整数';
  const lng = form.longitude.trim();
  if (!lng) p.longitude = '请填写经度';
  else if (!COORDINATE.test(lng) || Number(lng) < LONGITUDE_RANGE[0] || Number(lng) > LONGITUDE_RANGE[1]) p.longitude = `经度须在 ${LONGITUDE_RANGE[0]}～${LONGITUDE_RANGE[1]} 之间，如 114.0579`;
  const lat = form.latitude.trim();
  if (!lat) p.latitude = '请填写纬度';
  else if (!COORDINATE.test(lat) || Number(lat) < LATITUDE_RANGE[0] || Number(lat) > LATITUDE_RANGE[1]) p.latitude = `纬度须在 ${LATITUDE_RANGE[0]}～${LATITUDE_RANGE[1]} 之间，如 22.5431`;
  if (form.developerName.trim().length > NAME_MAX) p.developerName = `开发建设单位不能超过${NAME_MAX}字`;
  const contact = form.contactName.trim();
  if (!contact) p.contactName = '请填写联系人';
  else if (contact.length > PERSON_NAME_MAX) p.contactName = `联系人不能超过${PERSON_NAME_MAX}字`;
  const phone = phoneProblem(form.contactPhone);
  if (phone) p.contactPhone = phone;
  if (form.remarks.trim().length > REMARKS_MAX) p.remarks = `备注不能超过${REMARKS_MAX}字`;
  return p;
}

const optional = (value: string): string | undefined => (value.trim() ? value.trim() : undefined);

export function registrationRequest(form: RegistrationForm): ProjectRegistrationRequest {
  if (form.communityId === null) throw new Error('no community chosen');
  const request: ProjectRegistrationRequest = {
    name: form.name.trim(),
    communityId: form.communityId,
    address: form.address.trim(),
    floorArea: Number(form.floorArea.trim()),
    houseCount: Number(form.houseCount.trim()),
    longitude: Number(form.longitude.trim()),
    latitude: Number(form.latitude.trim()),
    contactName: form.contactName.trim(),
    contactPhone: form.contactPhone.trim(),
  };
  if (form.propertyAreaId !== null) request.propertyAreaId = form.propertyAreaId;
  const developerName = optional(form.developerName);
  if (developerName) request.developerName = developerName;
  if (form.handoverDate) request.handoverDate = form.handoverDate;
  const remarks = optional(form.remarks);
  if (remarks) request.remarks = remarks;
  return request;
}

/** The streets of the account's district, and the communities of one street, for the two pickers. */
export function streetsOf(tree: RegionNode[]): RegionNode[] {
  return tree.flatMap((node) => (node.level === 'DISTRICT' ? (node.children ?? []) : node.level === 'STREET' ? [node] : []));
}

export function communitiesOf(tree: RegionNode[], streetId: number | null): RegionNode[] {
  if (streetId === null) return [];
  return streetsOf(tree).find((s) => s.id === streetId)?.children ?? [];
}

export function registrationConfirmation(form: RegistrationForm): ConfirmWords {
  return {
    title: form.propertyAreaId === null ? '提交项目登记？' : '提交登记信息更新？',
    content: `「${form.name.trim()}」的登记将提交区住房建设部门审核，审核通过后${form.propertyAreaId === null ? '项目纳入本区物业区域' : '物业区域信息按申请更新'}；审核结果可在「我的项目 · 我的申请」中查看。`,
    confirmText: '提交',
  };
}

/** 项目经理变更: the new manager, not yet on record. */
export interface ManagerChangeForm {
  name: string;
  phone: string;
  idNumber: string;
  certificateNo: string;
  reason: string;
}

export type ManagerChangeField = keyof ManagerChangeForm;

export const REASON_MAX = 500;

export const MANAGER_CHANGE_API_FIELDS: Readonly<Record<string, ManagerChangeField>> = {
  'newManager.name': 'name',
  'newManager.phone': 'phone',
  'newManager.idNumber': 'idNumber',
  'newManager.certificateNo': 'certificateNo',
  name: 'name',
  phone: 'phone',
  idNumber: 'idNumber',
  certificateNo: 'certificateNo',
  reason: 'reason',
};

export function emptyManagerChange(): ManagerChangeForm {
  return { name: '', phone: '', idNumber: '', certificateNo: '', reason: '' };
}

/** 18-digit 居民身份证号码 with its check digit. */
export function validIdNumber(id: string): boolean {
  if (!/^\d{17}[\dX]$/.test(id)) return false;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const checks = '10X98765432';
  const sum = weights.reduce((total, weight, i) => total + weight * Number(id[i]), 0);
  return checks[sum % 11] === id[17];
}

export function managerChangeProblems(form: ManagerChangeForm): Partial<Record<ManagerChangeField, string>> {
  const p: Partial<Record<ManagerChangeField, string>> = {};
  const name = form.name.trim();
  if (!name) p.name = '请填写新项目经理的姓名';
  else if (name.length > PERSON_NAME_MAX) p.name = `姓名不能超过${PERSON_NAME_MAX}字`;
  const phone = form.phone.trim();
  if (!phone) p.phone = '请填写新项目经理的手机号码';
  else if (!/^1\d{10}$/.test(phone)) p.phone = '请填写11位手机号码';
  const id = form.idNumber.trim().toUpperCase();
  if (!id) p.idNumber = '请填写身份证号码';
  else if (!validIdNumber(id)) p.idNumber = '身份证号码不正确，请核对（18位，末位可为X）';
  if (!form.certificateNo.trim()) p.certificateNo = '请填写从业证书编号';
  else if (form.certificateNo.trim().length > CERTIFICATE_MAX) p.certificateNo = `从业证书编号不能超过${CERTIFICATE_MAX}字`;
  if (form.reason.trim().length > REASON_MAX) p.reason = `变更原因不能超过${REASON_MAX}字`;
  return p;
}

export function managerChangeRequest(form: ManagerChangeForm): ProjectManagerChangeRequest {
  const request: ProjectManagerChangeRequest = {
    newManager: { name: form.name.trim(), phone: form.phone.trim(), idNumber: form.idNumber.trim().toUpperCase(), certificateNo: form.certificateNo.trim() },
  };
  const reason = optional(form.reason);
  if (reason) request.reason = reason;
  return request;
}

export function managerChangeConfirmation(areaName: string, form: ManagerChangeForm): ConfirmWords {
  return {
    title: '提交项目经理变更？',
    content: `将申请把「${areaName}」的项目经理变更为 ${form.name.trim()}，由区住房建设部门审核，通过后生效。`,
    confirmText: '提交',
  };
}
