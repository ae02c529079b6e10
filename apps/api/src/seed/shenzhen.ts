/**
 * Shenzhen's divisions as domain-notes.md lists them: ten districts and 74 streets, plus the
 * Shenzhen-Shanwei special cooperation zone (three towns), which the bureau treats as a district.
 * Region ids: districts 1..11 in this order, streets districtId*100+n, communities streetId*100+m.
 */
export interface DistrictInfo {
  id: number;
  name: string;
  /** username prefix of the district's accounts */
  pinyin: string;
  /** street (or town) names without their suffix */
  streets: readonly string[];
  streetSuffix: '街道' | '镇';
  /**
   * Communities to generate. No complete list was found (坪山 has 24, 龙岗 about 111); these
   * counts sum to 680, the total domain-notes.md asks for.
   */
  communities: number;
  /** share of the city's property areas at city scale (the populous outer districts hold most) */
  areaWeight: number;
  /** the district's rough centre, for plausible coordinates */
  centre: { longitude: number; latitude: number };
}

export const DISTRICTS: readonly DistrictInfo[] = [
  { id: 1, name: '罗湖区', pinyin: 'luohu', streets: ['桂园', '黄贝', '东门', '翠竹', '南湖', '笋岗', '东湖', '莲塘', '东晓', '清水河'], streetSuffix: '街道', communities: 83, areaWeight: 900, centre: { longitude: 114.131, latitude: 22.548 } },
  { id: 2, name: '福田区', pinyin: 'futian', streets: ['南园', '园岭', '福田', '沙头', '香蜜湖', '梅林', '莲花', '华富', '福保', '华强北'], streetSuffix: '街道', communities: 92, areaWeight: 1100, centre: { longitude: 114.055, latitude: 22.541 } },
  { id: 3, name: '南山区', pinyin: 'nanshan', streets: ['南头', '南山', '沙河', '蛇口', '招商', '粤海', '桃源', '西丽'], streetSuffix: '街道', communities: 105, areaWeight: 1200, centre: { longitude: 113.93, latitude: 22.533 } },
  { id: 4, name: '宝安区', pinyin: 'baoan', streets: ['新安', '西乡', '航城', '福永', '福海', '沙井', '新桥', '松岗', '燕罗', '石岩'], streetSuffix: '街道', communities: 124, areaWeight: 1900, centre: { longitude: 113.884, latitude: 22.655 } },
  { id: 5, name: '龙岗区', pinyin: 'longgang', streets: ['平湖', '坪地', '南湾', '坂田', '布吉', '龙城', '龙岗', '横岗', '吉华', '宝龙', '园山'], streetSuffix: '街道', communities: 111, areaWeight: 1900, centre: { longitude: 114.247, latitude: 22.72 } },
  { id: 6, name: '盐田区', pinyin: 'yantian', streets: ['梅沙', '盐田', '沙头角', '海山'], streetSuffix: '街道', communities: 23, areaWeight: 250, centre: { longitude: 114.237, latitude: 22.557 } },
  { id: 7, name: '龙华区', pinyin: 'longhua', streets: ['观湖', '民治', '龙华', '大浪', '福城', '观澜'], streetSuffix: '街道', communities: 50, areaWeight: 1300, centre: { longitude: 114.045, latitude: 22.696 } },
  { id: 8, name: '坪山区', pinyin: 'pingshan', streets: ['坪山', '马峦', '碧岭', '石井', '坑梓', '龙田'], streetSuffix: '街道', communities: 24, areaWeight: 350, centre: { longitude: 114.35, latitude: 22.708 } },
  { id: 9, name: '光明区', pinyin: 'guangming', streets: ['光明', '公明', '新湖', '凤凰', '玉塘', '马田'], streetSuffix: '街道', communities: 31, areaWeight: 450, centre: { longitude: 113.936, latitude: 22.749 } },
  { id: 10, name: '大鹏新区', pinyin: 'dapeng', streets: ['葵涌', '大鹏', '南澳'], streetSuffix: '街道', communities: 25, areaWeight: 150, centre: { longitude: 114.48, latitude: 22.592 } },
  { id: 11, name: '深汕特别合作区', pinyin: 'shenshan', streets: ['小漠', '鹅埠', '赤石'], streetSuffix: '镇', communities: 12, areaWeight: 50, centre: { longitude: 115.12, latitude: 22.86 } },
];

export const FUTIAN_ID = 2;
export const NANSHAN_ID = 3;

/** 6-digit division codes of the districts (for plausible ID-card numbers of locals). */
export const SHENZHEN_DIVISION_CODES = ['440303', '440304', '440305', '440306', '440307', '440308', '440309', '440310', '440311'];

/** Division codes of places many Shenzhen residents come from (ID-card numbers start with the birthplace). */
export const BIRTHPLACE_DIVISION_CODES = [
  ...SHENZHEN_DIVISION_CODES,
  '445202', // 揭阳榕城
  '440513', // 汕头潮阳
  '441402', // 梅州梅江
  '441502', // 汕尾城区
  '440802', // 湛江赤坎
  '430102', // 长沙芙蓉
  '430802', // 张家界永定
  '360102', // 南昌东湖
  '420102', // 武汉江岸
  '450102', // 南宁兴宁
  '510104', // 成都锦江
  '411302', // 南阳宛城
  '350102', // 福州鼓楼
];
