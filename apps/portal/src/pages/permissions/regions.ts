import type { RegionNode } from '@szpm/contract';
import { useEffect, useState } from 'react';
import { api } from '../../api';

export interface RegionOption {
  value: number;
  label: string;
}

let tree: Promise<RegionNode[]> | null = null;

/** The region tree of the account's scope, asked once per page load. */
export function regionTree(): Promise<RegionNode[]> {
  tree ??= api.regions.tree().catch((e: unknown) => {
    tree = null;
    throw e;
  });
  return tree;
}

/** The districts a city account can filter by (none for district accounts, whose lists are their district's). */
export function useDistrictOptions(enabled: boolean): RegionOption[] {
  const [options, setOptions] = useState<RegionOption[]>([]);
  useEffect(() => {
    if (!enabled) return;
    regionTree().then((roots) => setOptions(roots.filter((r) => r.level === 'DISTRICT').map((r) => ({ value: r.id, label: r.name }))), () => setOptions([]));
  }, [enabled]);
  return options;
}

/** The streets of one district. */
export async function streetOptions(districtId: number): Promise<RegionOption[]> {
  const district = (await regionTree()).find((r) => r.id === districtId);
  return (district?.children ?? []).filter((r) => r.level === 'STREET').map((r) => ({ value: r.id, label: r.name }));
}
