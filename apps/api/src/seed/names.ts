import { BIRTHPLACE_DIVISION_CODES } from './shenzhen';
import { SeededRandom } from './random';

/** Common surnames, most frequent first (the first ones are drawn more often). */
const SURNAMES = [...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤'];
const SURNAME_WEIGHTS = SURNAMES.map((_, i) => 1 / (i + 8));
/** Characters of given names, as they are commonly chosen for men and for women. */
const GIVEN_MALE = [...'伟强磊军洋勇杰涛明超刚平华建国志文斌辉鹏宇浩俊峰博翔瑞凯健海波亮鑫宁德成家荣永庆立新子轩泽昊天一远东'];
const GIVEN_FEMALE = [...'芳娜秀英敏静丽艳娟兰霞桂红玲婷雪琳晨欣怡佳嘉颖思凤梅丹萍晓春秋惠燕慧晶莉倩诗雨梓涵'];

/** Real mainland mobile prefixes (all of the form 1[3-9]x). */
const MOBILE_PREFIXES = ['130', '131', '132', '133', '134', '135', '136', '137', '138', '139', '150', '151', '152', '153', '155', '156', '157', '158', '159', '166', '176', '177', '178', '180', '181', '182', '183', '185', '186', '187', '188', '189', '191', '198', '199'];

const BASE64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
/** The characters of a unified social credit code (GB 32100-2015: no I, O, S, V, Z). */
const USCC_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const ORG_CODE_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];
const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

/**
 * Makes people and identifiers that are plausible and unique across one seed run: every person
 * gets their own mobile number, every company its own credit code.
 */
export class IdentityFactory {
  private readonly phones = new Set<string>();
  private readonly idNumbers = new Set<string>();
  private readonly creditCodes = new Set<string>();
  private readonly openIds = new Set<string>();

  constructor(private readonly rng: SeededRandom) {}

  personName(): string {
    const surname = this.rng.weighted(SURNAMES, SURNAME_WEIGHTS);
    const chars = this.rng.chance(0.5) ? GIVEN_MALE : GIVEN_FEMALE;
    const given = this.rng.chance(0.7) ? this.rng.pick(chars) + this.rng.pick(chars) : this.rng.pick(chars);
    return surname + given;
  }

  /** 1[3-9]x followed by 8 digits; never 0000xxxx (numbers like 13700000001 are left to tests and fixtures) */
  mobile(): string {
    for (;;) {
      const phone = this.rng.pick(MOBILE_PREFIXES) + String(this.rng.int(10000000, 99999999));
      if (!this.phones.has(phone)) {
        this.phones.add(phone);
        return phone;
      }
    }
  }

  /** An 18-digit resident ID number with a valid ISO 7064 check character. */
  idNumber(): string {
    for (;;) {
      const birth = this.rng.dateBetween(new Date('1966-01-01T00:00:00Z'), new Date('1996-12-31T00:00:00Z'));
      const body =
        this.rng.pick(BIRTHPLACE_DIVISION_CODES) +
        birth.toISOString().slice(0, 10).replace(/-/g, '') +
        String(this.rng.int(0, 999)).padStart(3, '0');
      const sum = [...body].reduce((acc, digit, i) => acc + Number(digit) * ID_WEIGHTS[i], 0);
      const id = body + ID_CHECK[sum % 11];
      if (!this.idNumbers.has(id)) {
        this.idNumbers.add(id);
        return id;
      }
    }
  }

  /** A unified social credit code of a Shenzhen enterprise (91 4403xx …), both check characters valid. */
  creditCode(divisionCode: string): string {
    for (;;) {
      // older organisation codes are all digits; newer Shenzhen ones start with MA5
      const orgBody = this.rng.chance(0.6)
        ? 'MA5' + Array.from({ length: 5 }, () => this.rng.pick([...USCC_CHARS])).join('')
        : String(this.rng.int(10000000, 99999999));
      const orgSum = [...orgBody].reduce((acc, ch, i) => acc + USCC_CHARS.indexOf(ch) * ORG_CODE_WEIGHTS[i], 0);
      const orgCheck = 11 - (orgSum % 11);
      const body = '91' + divisionCode + orgBody + (orgCheck === 10 ? 'X' : orgCheck === 11 ? '0' : String(orgCheck));
      const sum = [...body].reduce((acc, ch, i) => acc + USCC_CHARS.indexOf(ch) * USCC_WEIGHTS[i], 0);
      const code = body + USCC_CHARS[(31 - (sum % 31)) % 31];
      if (!this.creditCodes.has(code)) {
        this.creditCodes.add(code);
        return code;
      }
    }
  }

  /** A WeChat openid: 28 characters starting with "o", as WeChat issues them. */
  openId(): string {
    for (;;) {
      const id = 'o' + Array.from({ length: 27 }, () => BASE64URL[this.rng.int(0, 63)]).join('');
      if (!this.openIds.has(id)) {
        this.openIds.add(id);
        return id;
      }
    }
  }
}

/** First and second characters of community names (社区), e.g. 园岭, 百花, 新洲. */
const COMMUNITY_HEADS = [...'新华福莲梅香景桂翠南北东西上下大小金银锦荔竹松岭湖沙田石水山海港园安和平康乐兴盛宝龙凤鹤鹏狮虎青红白碧彩丽星月云霞春秋长永德民富益'];
const COMMUNITY_TAILS = [...'园村岭湖田新华苑林庄岗围湾洲头坑塘埔坳城屋岭富民安兴华花峰港景口源'];

/** ~680 distinct community names; the same for every seed, so region names never change. */
export function communityNames(count: number, rng: SeededRandom): string[] {
  const names = new Set<string>();
  while (names.size < count) {
    const head = rng.pick(COMMUNITY_HEADS);
    const tail = rng.pick(COMMUNITY_TAILS);
    if (head !== tail) names.add(head + tail);
  }
  return [...names].map((n) => n + '社区');
}

const AREA_HEADS = [
  '景田', '香蜜', '莲花', '梅林', '华富', '锦绣', '翠湖', '碧海', '金域', '天悦', '御景', '半岛', '阳光', '星河', '丽晶', '海滨', '荔园', '桂芳', '松柏', '枫叶',
  '万象', '鸿荣', '东方', '中海', '泰华', '佳兆', '金众', '百仕', '长城', '花样', '嘉宾', '宝安', '鹏程', '福星', '海月', '蔚蓝', '阅海', '汇景', '翠堤', '曦城',
  '云顶', '紫薇', '玫瑰', '棕榈', '椰风', '海岸', '山海', '雍景', '君悦', '华侨', '锦华', '幸福', '和谐', '宏发', '雅园', '城市', '尚峰', '鼎太', '天健', '振业',
  '兰亭', '东海', '世纪', '新天', '桃源', '丽水', '清华', '南国', '海怡', '泛海', '观澜', '碧水', '龙岸', '绿景', '博林', '鸿瑞', '金色', '春华', '瑞和', '安托',
];
const AREA_TAILS = ['花园', '名苑', '雅居', '家园', '公馆', '华庭', '山庄', '新村', '大厦', '府', '城', '广场', '豪庭', '名城', '轩', '苑', '小区', '新城', '湾', '里'];
const PHASES = ['', '二期', '三期', '四期', '五期', '六期', '七期', '八期', '九期'];

/** Names of property areas; a name already given in the district gets a phase (…二期). */
export class AreaNamer {
  private readonly used = new Map<string, number>();

  constructor(private readonly rng: SeededRandom) {}

  next(districtId: number): string {
    for (;;) {
      const base = this.rng.pick(AREA_HEADS) + this.rng.pick(AREA_TAILS);
      const key = `${districtId}:${base}`;
      const n = this.used.get(key) ?? 0;
      if (n >= PHASES.length) continue;
      this.used.set(key, n + 1);
      return base + PHASES[n];
    }
  }
}

/** Trade names (字号) for companies and developers, e.g. 鹏泰, 嘉瑞. */
const TRADE_HEADS = [...'鹏华信恒嘉泰瑞和安宏德隆盛源通达联创誉卓鑫荣广汇金银佳美中新天海润丰益永昌合宝'];
const TRADE_TAILS = [...'泰瑞华盛安宏德隆源通达联创誉卓鑫荣汇佳美成兴和康乐丰景城峰邦辉域润晟祥'];
const COMPANY_FORMS = ['物业管理有限公司', '物业服务有限公司', '物业服务集团有限公司', '物业管理股份有限公司', '城市服务有限公司', '物业发展有限公司'];
const DEVELOPER_FORMS = ['房地产开发有限公司', '置业有限公司', '实业有限公司', '投资发展有限公司', '地产集团有限公司'];

/** Company and developer names, unique within their kind. */
export class OrganisationNamer {
  private readonly used = new Set<string>();

  constructor(private readonly rng: SeededRandom) {}

  company(): string {
    return this.unique(COMPANY_FORMS);
  }

  developer(): string {
    return this.unique(DEVELOPER_FORMS);
  }

  private unique(forms: readonly string[]): string {
    for (;;) {
      const head = this.rng.pick(TRADE_HEADS);
      const tail = this.rng.pick(TRADE_TAILS);
      if (head === tail) continue;
      // some names carry a third character so that thousands of them stay distinct
      const extra = this.used.size > 1500 && this.rng.chance(0.6) ? this.rng.pick(TRADE_TAILS) : '';
      const name = `深圳市${head}${tail}${extra}${this.rng.pick(forms)}`;
      if (!this.used.has(name)) {
        this.used.add(name);
        return name;
      }
    }
  }
}

const ROAD_FORMS = ['路', '一路', '二路', '三路', '大道', '街'];

/** A street address inside a community: 深圳市福田区园岭街道百花二路18号 */
export function addressIn(rng: SeededRandom, districtName: string, streetName: string, communityName: string): string {
  const stem = communityName.replace(/社区$/, '');
  return `深圳市${districtName}${streetName}${stem}${rng.pick(ROAD_FORMS)}${rng.int(1, 399)}号`;
}
