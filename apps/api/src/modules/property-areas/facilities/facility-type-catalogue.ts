import { FacilityTypeNode } from '@szpm/contract';
import { EntityManager } from 'typeorm';
import { DEFAULT_FACILITY_TYPES, DefaultFacilityType } from './facility-type-defaults';
import { FacilityType } from './entities/facility-type.entity';

/** The deepest a type may sit: 一级 → 二级 → 三级. */
export const MAX_TYPE_DEPTH = 3;

export type FacilityTypeRow = Pick<FacilityType, 'id' | 'parentId' | 'code' | 'name' | 'sortOrder' | 'isSpecialEquipment' | 'enabled'>;

const byOrder = (a: FacilityTypeRow, b: FacilityTypeRow) => a.sortOrder - b.sortOrder || a.id - b.id;

/**
 * The catalogue in memory (it holds a few dozen rows): paths (电梯/乘客电梯), the category of a type,
 * its descendants, and how a sheet's text names a type.
 */
export class FacilityTypeCatalogue {
  private readonly byId = new Map<number, FacilityTypeRow>();

  constructor(readonly rows: readonly FacilityTypeRow[]) {
    for (const row of rows) this.byId.set(row.id, row);
  }

  get(id: number): FacilityTypeRow | undefined {
    return this.byId.get(id);
  }

  /** the type and its ancestors, root first */
  lineage(id: number): FacilityTypeRow[] {
    const chain: FacilityTypeRow[] = [];
    const seen = new Set<number>();
    for (let node = this.byId.get(id); node && !seen.has(node.id); node = node.parentId === null ? undefined : this.byId.get(node.parentId)) {
      seen.add(node.id);
      chain.unshift(node);
    }
    return chain;
  }

  pathOf(id: number): string {
    return this.lineage(id)
      .map((t) => t.name)
      .join('/');
  }

  categoryOf(id: number): FacilityTypeRow {
    return this.lineage(id)[0] ?? this.byId.get(id)!;
  }

  depthOf(id: number): number {
    return this.lineage(id).length;
  }

  childrenOf(id: number | null): FacilityTypeRow[] {
    return this.rows.filter((r) => r.parentId === id).sort(byOrder);
  }

  /** the type and everything below it */
  subtreeOf(id: number): number[] {
    const ids = [id];
    for (let i = 0; i < ids.length; i++) ids.push(...this.childrenOf(ids[i]).map((c) => c.id));
    return ids;
  }

  /** how many levels the subtree spans (1: no children) */
  heightOf(id: number): number {
    const children = this.childrenOf(id);
    return 1 + (children.length ? Math.max(...children.map((c) => this.heightOf(c.id))) : 0);
  }

  /**
   * The type a sheet's text names: its full path (电梯/乘客电梯), its code, or its own name when no
   * other type bears that name. null when none or more than one fits.
   */
  resolve(text: string): FacilityTypeRow | null {
    const wanted = text.trim().replace(/\s*\/\s*/g, '/');
    const byPath = this.rows.filter((r) => this.pathOf(r.id) === wanted);
    if (byPath.length === 1) return byPath[0];
    const byCode = this.rows.find((r) => r.code === wanted.toUpperCase());
    if (byCode) return byCode;
    const byName = this.rows.filter((r) => r.name === wanted);
    return byName.length === 1 ? byName[0] : null;
  }

  tree(includeDisabled: boolean): FacilityTypeNode[] {
    const build = (parentId: number | null): FacilityTypeNode[] =>
      this.childrenOf(parentId)
        .filter((r) => includeDisabled || r.enabled)
        .map((r) => ({ id: r.id, parentId: r.parentId, code: r.code, name: r.name, path: this.pathOf(r.id), sortOrder: r.sortOrder, isSpecialEquipment: r.isSpecialEquipment, enabled: r.enabled, children: build(r.id) }));
    return build(null);
  }

  /** every type in catalogue order (depth first), for the sheet's type list */
  inOrder(): FacilityTypeRow[] {
    const out: FacilityTypeRow[] = [];
    const walk = (parentId: number | null) => {
      for (const child of this.childrenOf(parentId)) {
        out.push(child);
        walk(child.id);
      }
    };
    walk(null);
    return out;
  }
}

export async function loadCatalogue(manager: EntityManager): Promise<FacilityTypeCatalogue> {
  return new FacilityTypeCatalogue(await manager.find(FacilityType));
}

/**
 * Fills an empty catalogue with the defaults (first start, a fresh seed); a catalogue with any row
 * is the admins' and is left alone. Returns whether it wrote.
 */
export async function ensureDefaultFacilityTypes(manager: EntityManager): Promise<boolean> {
  if ((await manager.count(FacilityType)) > 0) return false;
  const insert = async (types: readonly DefaultFacilityType[], parentId: number | null, parentSpecial: boolean) => {
    for (const [index, type] of types.entries()) {
      const saved = await manager.save(
        manager.create(FacilityType, { parentId, code: type.code, name: type.name, sortOrder: index + 1, isSpecialEquipment: type.isSpecialEquipment ?? parentSpecial, enabled: true }),
      );
      if (type.children) await insert(type.children, saved.id, saved.isSpecialEquipment);
    }
  };
  await insert(DEFAULT_FACILITY_TYPES, null, false);
  return true;
}
