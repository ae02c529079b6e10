import { facilityKey, matchFacility, MatchCandidate } from './facility-match';

describe('matching an imported row to a facility of the area', () => {
  const key = (name: string, building: string | number | null = null, unitName: string | null = null, position: string | null = null) => facilityKey({ name, building, unitName, position });
  const lift: MatchCandidate = { id: 1, registerNumber: '31104403022015000001', key: key('1栋1单元1号客梯', 7, '1单元', '电梯厅') };
  const pump: MatchCandidate = { id: 2, registerNumber: null, key: key('生活水泵01', null, null, '水泵房') };
  const candidates = [lift, pump];

  it('finds the facility by its register code, even when the name changed', () => {
    expect(matchFacility(candidates, { registerNumber: '31104403022015000001', key: key('1栋1单元1号电梯', 7, '1单元', '电梯厅') })).toEqual({ kind: 'update', id: 1 });
    // case is not a difference
    expect(matchFacility([{ ...lift, registerNumber: 'AB-12' }], { registerNumber: 'ab-12', key: key('x') })).toEqual({ kind: 'update', id: 1 });
  });

  it('finds a facility without a code by name + building + unit + position, ignoring case and spacing', () => {
    expect(matchFacility(candidates, { registerNumber: null, key: key('生活水泵01', null, null, ' 水泵房 ') })).toEqual({ kind: 'update', id: 2 });
    expect(matchFacility(candidates, { registerNumber: null, key: key('生活水泵01', null, null, '屋面') })).toEqual({ kind: 'new' });
  });

  it('gives a code to a facility found by name and place that has none yet', () => {
    expect(matchFacility(candidates, { registerNumber: 'NEW-1', key: pump.key })).toEqual({ kind: 'update', id: 2 });
  });

  it('treats a new code on a name and place that already hold another code as a conflict, not an update', () => {
    expect(matchFacility(candidates, { registerNumber: '99999', key: lift.key })).toEqual({ kind: 'conflict', on: 'registerNumber', id: 1 });
  });

  it('refuses a row whose code names one facility and whose name and place another', () => {
    expect(matchFacility(candidates, { registerNumber: '31104403022015000001', key: pump.key })).toEqual({ kind: 'conflict', on: 'key', id: 2 });
  });

  it('adds a row that matches nothing', () => {
    expect(matchFacility(candidates, { registerNumber: 'OTHER', key: key('2号客梯') })).toEqual({ kind: 'new' });
    expect(matchFacility([], { registerNumber: null, key: key('灭火器组01') })).toEqual({ kind: 'new' });
  });
});
