import { SafetyCheckKind } from '@szpm/contract';

/**
 * The rule library a new installation starts with (../shared/spec/domain-notes.md, "Safety
 * inspections"): Shenzhen's half-yearly routine check after SZDB/Z 307-2018 in the categories seen in
 * district checks (专项监督, 基础管理, 消防保卫, 物业管理, 设备设施), and two special checks the
 * bureau runs ad hoc (flood and typhoon season; e-bike fire safety). City-wide templates: districts
 * launch them as they are or copy and adapt them.
 */
export interface DefaultTemplate {
  key: string;
  name: string;
  kind: SafetyCheckKind;
  description: string;
  indicators: Array<{ name: string; subItems: Array<{ content: string; facility?: string }> }>;
}

export const DEFAULT_SAFETY_TEMPLATES: DefaultTemplate[] = [
  {
    key: 'routine',
    name: '物业管理区域安全生产常规检查',
    kind: SafetyCheckKind.ROUTINE,
    description: '每半年一次的线上常规检查，参照《物业服务通用规范》（SZDB/Z 307-2018）；各项目负责人逐项自查，不合格项拍照并说明整改措施。',
    indicators: [
      {
        name: '专项监督',
        subItems: [
          { content: '物业服务合同已按规定备案' },
          { content: '上次检查发现的问题已按期整改并留存记录' },
        ],
      },
      {
        name: '基础管理',
        subItems: [
          { content: '建立安全生产责任制，明确项目安全生产负责人及各岗位职责' },
          { content: '制定突发事件应急预案并报备，每年至少组织一次演练' },
          { content: '电梯维保、高处作业等外包单位资质齐全，签订安全管理协议' },
          { content: '建立安全隐患排查台账，隐患整改闭环管理' },
        ],
      },
      {
        name: '消防保卫',
        subItems: [
          { content: '消防车通道畅通，标识标线清晰', facility: '消防车通道' },
          { content: '疏散通道、安全出口畅通，无堵塞、锁闭、占用', facility: '疏散通道' },
          { content: '消防设施器材完好有效，按期维护检测', facility: '消防设施' },
          { content: '安全巡查记录完整，重点部位每日巡查' },
          { content: '电动自行车集中停放、充电场所规范设置', facility: '电动自行车充电设施' },
          { content: '无电动自行车及其电池进楼入户、飞线充电' },
        ],
      },
      {
        name: '物业管理',
        subItems: [
          { content: '有限空间（管道、烟道、化粪池、污水井、地下室、垃圾房）设置警示标识并落实作业审批', facility: '有限空间' },
          { content: '高空坠物防范措施到位，外墙、窗户、空调外机等定期排查', facility: '外墙及附着物' },
          { content: '围墙、护栏稳固，无倾倒隐患', facility: '围墙' },
          { content: '地下车库防汛设施完好，应急物资齐备', facility: '地下车库' },
        ],
      },
      {
        name: '设备设施',
        subItems: [
          { content: '配电房管理规范，警示标识、绝缘用具齐全', facility: '配电房' },
          { content: '电梯、锅炉等特种设备机房整洁，无杂物堆放', facility: '特种设备机房' },
          { content: '电梯按期维保，年检合格标志在有效期内', facility: '电梯' },
          { content: '新能源汽车充电设施安装规范，运行安全', facility: '新能源汽车充电桩' },
          { content: '排水泵运行正常，定期试机', facility: '排水泵' },
        ],
      },
    ],
  },
  {
    key: 'flood-typhoon',
    name: '防汛防台风专项检查',
    kind: SafetyCheckKind.SPECIAL,
    description: '汛期及台风来临前的专项检查。',
    indicators: [
      {
        name: '专项监督',
        subItems: [
          { content: '地下车库出入口设置挡水板或防倒灌措施', facility: '地下车库' },
          { content: '排水泵完好可用，排水沟、雨水井清理疏通', facility: '排水泵' },
          { content: '沙袋等防汛物资储备充足', facility: '防汛物资' },
          { content: '落实24小时值班值守，预警期间加强巡查' },
          { content: '广告牌、树木、临时构筑物加固，防范高空坠物', facility: '外墙及附着物' },
          { content: '围墙、边坡无倾倒、滑坡隐患', facility: '围墙' },
        ],
      },
    ],
  },
  {
    key: 'e-bike-fire',
    name: '电动自行车消防安全专项检查',
    kind: SafetyCheckKind.SPECIAL,
    description: '电动自行车停放充电及进楼入户专项整治检查。',
    indicators: [
      {
        name: '消防保卫',
        subItems: [
          { content: '集中停放充电场所设置合理，与建筑保持安全距离', facility: '电动自行车充电设施' },
          { content: '充电设施具备定时断电、过载保护功能', facility: '电动自行车充电设施' },
          { content: '场所配备灭火器等消防器材', facility: '消防设施' },
          { content: '无电动自行车及其电池进楼入户、楼道停放', facility: '疏散通道' },
          { content: '无私拉电线、飞线充电' },
          { content: '开展电动自行车消防安全宣传' },
        ],
      },
    ],
  },
];
