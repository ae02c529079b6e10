import { EntityManager, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { PropertyCompany } from './entities/property-company.entity';

/**
 * The one rule of which property companies a district sees: those registered there and those
 * managing a property area there. Every list of a district's companies applies it — the
 * evaluation subjects and the 物业企业得分列表 (chapter 7), 信用信息 (chapter 8), the units of
 * 用户统计 and 催绑 (chapter 3) — so a company is in all of them or in none.
 */
export function companyOfDistrictCondition(companyIdColumn: string, districtParameter = 'companyDistrictId'): string {
  return (
    `(${companyIdColumn} IN (SELECT dc_c.id FROM property_companies dc_c WHERE dc_c.registeredDistrictId = :${districtParameter})` +
    // eslint-disable-next-line szpm/no-raw-scoped-access -- reads only the company ids of areas in the bound district, which every caller resolved with DistrictScope.districtFilter
    ` OR ${companyIdColumn} IN (SELECT dc_a.companyId FROM property_areas dc_a WHERE dc_a.districtId = :${districtParameter} AND dc_a.companyId IS NOT NULL))`
  );
}

/** Narrows `qb` to the companies of a district by the column holding the company id; `null` (the city) leaves it whole. */
export function whereCompanyOfDistrict<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, companyIdColumn: string, districtId: number | null): SelectQueryBuilder<T> {
  return districtId === null ? qb : qb.andWhere(companyOfDistrictCondition(companyIdColumn), { companyDistrictId: districtId });
}

/** Whether one company is a company of the district, by the same rule. */
export async function isCompanyOfDistrict(manager: EntityManager, companyId: number, districtId: number): Promise<boolean> {
  const qb = manager.getRepository(PropertyCompany).createQueryBuilder('c').where('c.id = :companyId', { companyId });
  return (await whereCompanyOfDistrict(qb, 'c.id', districtId).getCount()) > 0;
}
