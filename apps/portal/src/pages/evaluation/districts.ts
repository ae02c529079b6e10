import { useEffect, useState } from 'react';
import { api } from '../../api';
import { useSession } from '../../session';

/**
 * The 行政区 filter of a list, for city accounts only (a district account sees its own district
 * and the api refuses any other): null for district accounts.
 */
export function useDistrictOptions(): Record<number, { text: string }> | null {
  const { me } = useSession();
  const city = me !== null && me.districtId === null;
  const [options, setOptions] = useState<Record<number, { text: string }>>({});
  useEffect(() => {
    if (!city) return;
    api.evaluation.publicDistricts().then((list) => setOptions(Object.fromEntries(list.map((d) => [d.id, { text: d.name }]))), () => setOptions({}));
  }, [city]);
  return city ? options : null;
}
