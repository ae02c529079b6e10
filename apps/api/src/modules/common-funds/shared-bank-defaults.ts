import { EntityManager } from 'typeorm';
import { SharedBank } from './entities';

/**
 * The banks sharing account data with the platform when the dictionary is first filled (the big
 * national banks and those active in Shenzhen); code = the bank's code in the feed's paths.
 */
export const DEFAULT_SHARED_BANKS: ReadonlyArray<{ code: string; name: string }> = [
  { code: 'ICBC', name: '中国工商银行' },
  { code: 'CCB', name: '中国建设银行' },
  { code: 'BOC', name: '中国银行' },
  { code: 'ABC', name: '中国农业银行' },
  { code: 'CMB', name: '招商银行' },
  { code: 'PAB', name: '平安银行' },
  { code: 'BOCOM', name: '交通银行' },
  { code: 'PSBC', name: '中国邮政储蓄银行' },
  { code: 'CITIC', name: '中信银行' },
  { code: 'SPDB', name: '上海浦东发展银行' },
  { code: 'CIB', name: '兴业银行' },
  { code: 'CMBC', name: '中国民生银行' },
  { code: 'CEB', name: '中国光大银行' },
  { code: 'HXB', name: '华夏银行' },
  { code: 'GDB', name: '广发银行' },
  { code: 'SZRCB', name: '深圳农村商业银行' },
];

/** Fills the dictionary when it is empty (first start, seeds); answers the banks in their order. */
export async function ensureSharedBanks(manager: EntityManager): Promise<SharedBank[]> {
  const repository = manager.getRepository(SharedBank);
  if (!(await repository.exists())) await repository.insert(DEFAULT_SHARED_BANKS.map((b, i) => ({ ...b, sortOrder: i + 1 })));
  return repository.find({ order: { sortOrder: 'ASC', id: 'ASC' } });
}
