/**
 * The n-gram index domains (common/search) of the area list's text filters: 物业区域名称, 物业服务企业
 * and 开发建设单位 (contains). Whoever writes one of these names indexes it in the same transaction
 * (TextSearchIndex.add); PropertyAreasService syncs them on start.
 */
export const PROPERTY_AREA_NAMES = 'property-area-name';
export const PROPERTY_COMPANY_NAMES = 'property-company-name';
export const DEVELOPER_NAMES = 'developer-name';

/** The domain, table and column of each name the list searches. */
export const AREA_SEARCH_COLUMNS = [
  { domain: PROPERTY_AREA_NAMES, table: 'property_areas', column: 'name' },
  { domain: PROPERTY_COMPANY_NAMES, table: 'property_companies', column: 'name' },
  { domain: DEVELOPER_NAMES, table: 'developers', column: 'name' },
] as const;
