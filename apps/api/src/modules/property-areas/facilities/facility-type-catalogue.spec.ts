import { FacilityTypeCatalogue, FacilityTypeRow } from './facility-type-catalogue';

const row = (id: number, parentId: number | null, code: string, name: string, extra: Partial<FacilityTypeRow> = {}): FacilityTypeRow => ({ id, parentId, code, name, sortOrder: id, isSpecialEquipment: false, enabled: true, ...extra });

describe('the facility-type catalogue', () => {
  const catalogue = new FacilityTypeCatalogue([
    row(1, null, 'LIFT', '电梯', { isSpecialEquipment: true }),
    row(2, 1, 'LIFT_PASSENGER', '乘客电梯', { isSpecialEquipment: true }),
    row(3, null, 'FIRE', '消防'),
    row(4, 3, 'FIRE_PUMP', '水泵'),
    row(5, null, 'WATER', '给排水'),
    row(6, 5, 'WATER_PUMP', '水泵'),
    row(7, 3, 'FIRE_OLD', '旧系统', { enabled: false, sortOrder: 0 }),
  ]);

  it('names a type by its path and finds its category and subtree', () => {
    expect(catalogue.pathOf(2)).toBe('电梯/乘客电梯');
    expect(catalogue.categoryOf(2).code).toBe('LIFT');
    expect(catalogue.subtreeOf(3).sort()).toEqual([3, 4, 7]);
    expect(catalogue.heightOf(3)).toBe(2);
    expect(catalogue.depthOf(4)).toBe(2);
  });

  it('reads a sheet text as a path, a code, or a name only one type bears', () => {
    expect(catalogue.resolve('电梯/乘客电梯')?.id).toBe(2);
    expect(catalogue.resolve(' 电梯 / 乘客电梯 ')?.id).toBe(2);
    expect(catalogue.resolve('lift_passenger')?.id).toBe(2);
    expect(catalogue.resolve('乘客电梯')?.id).toBe(2);
    // two types are called 水泵: the name alone is ambiguous, the path is not
    expect(catalogue.resolve('水泵')).toBeNull();
    expect(catalogue.resolve('给排水/水泵')?.id).toBe(6);
    expect(catalogue.resolve('锅炉')).toBeNull();
  });

  it('shows the tree in catalogue order, without disabled types unless asked', () => {
    expect(catalogue.tree(false).map((n) => [n.code, n.children.map((c) => c.code)])).toEqual([
      ['LIFT', ['LIFT_PASSENGER']],
      ['FIRE', ['FIRE_PUMP']],
      ['WATER', ['WATER_PUMP']],
    ]);
    expect(catalogue.tree(true)[1].children.map((c) => c.code)).toEqual(['FIRE_OLD', 'FIRE_PUMP']);
    expect(catalogue.inOrder().map((t) => t.id)).toEqual([1, 2, 3, 7, 4, 5, 6]);
  });
});
