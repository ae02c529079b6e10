import { RegionNode } from '@szpm/contract';
import { describe, expect, it } from 'vitest';
import {
  communitiesOf,
  emptyManagerChange,
  emptyRegistration,
  managerChangeConfirmation,
  managerChangeProblems,
  managerChangeRequest,
  registrationConfirmation,
  registrationProblems,
  registrationRequest,
  RegistrationForm,
  streetsOf,
  validIdNumber,
} from '../../src/logic/project-forms';

const filled: RegistrationForm = {
  ...emptyRegistration(),
  name: ' 景田新苑 ',
  streetId: 2,
  communityId: 4,
  address: '景田路 18 号',
  floorArea: '45678',
  houseCount: '320',
  longitude: '114.0412',
  latitude: '22.5567',
  contactName: '王俊峰',
  contactPhone: '13800000000',
};

describe('项目登记', () => {
  it('names every missing required field in words', () => {
    expect(registrationProblems(emptyRegistration())).toEqual({
      name: '请填写项目名称',
      communityId: '请选择所在街道和社区',
      address: '请填写项目地址',
      floorArea: '请填写总建筑面积',
      houseCount: '请填写总户数',
      longitude: '请填写经度',
      latitude: '请填写纬度',
      contactName: '请填写联系人',
      contactPhone: '请填写联系电话',
    });
    expect(registrationProblems(filled)).toEqual({});
  });

  it('refuses malformed numbers, coordinates and phones', () => {
    const problems = registrationProblems({ ...filled, streetId: 2, communityId: null, floorArea: '12.5', houseCount: '3.5', longitude: '190', latitude: 'abc', contactPhone: '12345' });
    expect(problems.communityId).toBe('请选择所在社区');
    expect(problems.floorArea).toBe('总建筑面积须为大于0的整数（㎡）');
    expect(problems.houseCount).toBe('总户数须为整数');
    expect(problems.longitude).toBe('经度须在 73～136 之间，如 114.0579');
    expect(problems.latitude).toContain('3～54');
    expect(registrationProblems({ ...filled, latitude: '60' }).latitude).toContain('3～54');
    expect(problems.contactPhone).toContain('11位手机号码');
    expect(registrationProblems({ ...filled, contactPhone: '0755-83212345' }).contactPhone).toBeUndefined();
    expect(registrationProblems({ ...filled, floorArea: '0' }).floorArea).toContain('大于0');
    expect(registrationProblems({ ...filled, name: '名'.repeat(129) }).name).toBe('项目名称不能超过128字');
    expect(registrationProblems({ ...filled, contactName: '名'.repeat(33) }).contactName).toBe('联系人不能超过32字');
  });

  it('sends numbers as numbers, trimmed text, and leaves out empty optional fields', () => {
    expect(registrationRequest(filled)).toEqual({
      name: '景田新苑',
      communityId: 4,
      address: '景田路 18 号',
      floorArea: 45678,
      houseCount: 320,
      longitude: 114.0412,
      latitude: 22.5567,
      contactName: '王俊峰',
      contactPhone: '13800000000',
    });
    const update = registrationRequest({ ...filled, propertyAreaId: 9, developerName: ' 景田开发 ', handoverDate: '2020-01-01', remarks: '  ' });
    expect(update).toMatchObject({ propertyAreaId: 9, developerName: '景田开发', handoverDate: '2020-01-01' });
    expect(update).not.toHaveProperty('remarks');
  });

  it('asks before filing, saying who reviews it and where its status is', () => {
    expect(registrationConfirmation(filled).content).toBe('「景田新苑」的登记将提交区住房建设部门审核，审核通过后项目纳入本区物业区域；审核结果可在「我的项目 · 我的申请」中查看。');
    expect(registrationConfirmation({ ...filled, propertyAreaId: 9 }).title).toBe('提交登记信息更新？');
  });

  it('offers the district’s streets, then the chosen street’s communities', () => {
    const tree: RegionNode[] = [
      {
        id: 1,
        name: '福田区',
        level: 'DISTRICT',
        propertyAreaCount: 3,
        children: [
          { id: 2, name: '景田街道', level: 'STREET', propertyAreaCount: 2, children: [{ id: 4, name: '景丽社区', level: 'COMMUNITY', propertyAreaCount: 2 }] },
          { id: 3, name: '园岭街道', level: 'STREET', propertyAreaCount: 1, children: [] },
        ],
      },
    ];
    expect(streetsOf(tree).map((s) => s.name)).toEqual(['景田街道', '园岭街道']);
    expect(communitiesOf(tree, 2).map((c) => c.name)).toEqual(['景丽社区']);
    expect(communitiesOf(tree, null)).toEqual([]);
    expect(communitiesOf(tree, 99)).toEqual([]);
  });
});

describe('项目经理变更', () => {
  const manager = { name: '李明', phone: '13912345678', idNumber: '11010519491231002x', certificateNo: 'WY-2026-0012', reason: '' };

  it('checks the 18-digit identity number with its check digit', () => {
    expect(validIdNumber('11010519491231002X')).toBe(true);
    expect(validIdNumber('110105194912310021')).toBe(false);
    expect(validIdNumber('1101051949123100')).toBe(false);
  });

  it('names what is missing or malformed', () => {
    expect(Object.keys(managerChangeProblems(emptyManagerChange())).sort()).toEqual(['certificateNo', 'idNumber', 'name', 'phone']);
    expect(managerChangeProblems(manager)).toEqual({});
    expect(managerChangeProblems({ ...manager, phone: '0755-1234567' }).phone).toBe('请填写11位手机号码');
    expect(managerChangeProblems({ ...manager, idNumber: '110105194912310021' }).idNumber).toContain('不正确');
  });

  it('sends the new manager with the identity number upper-cased, and says what will happen', () => {
    expect(managerChangeRequest({ ...manager, reason: ' 原项目经理调岗 ' })).toEqual({
      newManager: { name: '李明', phone: '13912345678', idNumber: '11010519491231002X', certificateNo: 'WY-2026-0012' },
      reason: '原项目经理调岗',
    });
    expect(managerChangeRequest(manager)).not.toHaveProperty('reason');
    expect(managerChangeConfirmation('景田花园', manager).content).toBe('将申请把「景田花园」的项目经理变更为 李明，由区住房建设部门审核，通过后生效。');
  });
});
