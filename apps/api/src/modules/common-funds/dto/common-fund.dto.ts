import { ApiProperty, ApiPropertyOptional, IntersectionType, OmitType } from '@nestjs/swagger';
import { COMMON_FUND_COUNTER_LABELS, CommonFundAccountStatus, CommonFundAccountType, CommonFundCaseStage, CommonFundCounter, CommonFundRegistrantType } from '@szpm/contract';
import { Transform } from 'class-transformer';
import { IsEnum, IsIn, IsInt, IsNumber, IsOptional, IsPositive, IsString, Max, MaxLength, Min, MinLength } from 'class-validator';
import { PageQueryDto } from '../../../common/http/pagination.dto';
import { IsCalendarDate } from '../../../common/validation/calendar-date.validator';
import { OptionalIdQuery, TextSearchQuery } from '../../../common/validation/query-decorators';

const trimmed = () => Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value));

/** The region filter of the statistics, with 物业项目名称（包含）. */
export class CommonFundRegionQueryDto {
  @OptionalIdQuery('行政区（市局账号；区局账号只能是本区）')
  districtId?: number;

  @OptionalIdQuery('街道')
  streetId?: number;

  @OptionalIdQuery('社区')
  communityId?: number;

  @TextSearchQuery('物业项目名称（包含）', 32)
  search?: string;
}

export const COMMON_FUND_COUNTERS = Object.keys(COMMON_FUND_COUNTER_LABELS) as CommonFundCounter[];

/** The areas behind one number of the statistics: the row, the number, the list's own search. */
export class CommonFundCellExportQueryDto extends CommonFundRegionQueryDto {
  @OptionalIdQuery('统计表中某一行的区域（regionId）；不填为合计行')
  regionId?: number;

  @ApiProperty({ enum: COMMON_FUND_COUNTERS, description: '点开的数字：projects / shouldOpen / opened / unopened / basic / coManaged / abnormal / rectifyOrdered / penalised' })
  @IsIn(COMMON_FUND_COUNTERS)
  counter: CommonFundCounter;

  // not `search`: that is the table's 物业项目名称 filter, which the list must keep to stay the one behind the number
  @ApiPropertyOptional({ type: String, maxLength: 32, description: '列表内搜索（未开列表）：物业项目名称、项目经理或业委会主任姓名（包含）' })
  @IsOptional()
  @trimmed()
  @IsString()
  @MaxLength(32)
  keyword?: string;
}

/** One page of that list (its xlsx is the same filter, all rows). */
export class CommonFundCellQueryDto extends IntersectionType(CommonFundCellExportQueryDto, PageQueryDto) {}

/** The accounts' filter, shared by the ledger and its export: region, bank, type, status. */
export class CommonFundAccountExportQueryDto extends CommonFundRegionQueryDto {
  @OptionalIdQuery('开户行（共享银行）')
  bankId?: number;

  @ApiPropertyOptional({ enum: CommonFundAccountType })
  @IsOptional()
  @IsEnum(CommonFundAccountType)
  accountType?: CommonFundAccountType;

  @ApiPropertyOptional({ enum: CommonFundAccountStatus })
  @IsOptional()
  @IsEnum(CommonFundAccountStatus)
  status?: CommonFundAccountStatus;
}

/** The accounts ledger: that filter, one area, search by project / account number / 户名, paged. */
export class CommonFundAccountQueryDto extends IntersectionType(CommonFundAccountExportQueryDto, PageQueryDto) {
  @OptionalIdQuery('物业项目')
  propertyAreaId?: number;
}

export class CommonFundCaseQueryDto extends IntersectionType(CommonFundRegionQueryDto, PageQueryDto) {
  @ApiPropertyOptional({ enum: CommonFundCaseStage })
  @IsOptional()
  @IsEnum(CommonFundCaseStage)
  stage?: CommonFundCaseStage;
}

export class TransactionQueryDto extends PageQueryDto {}

/** 登记共有资金账户 */
export class RegisterCommonFundAccountDto {
  @ApiProperty()
  @IsInt()
  @Min(1)
  propertyAreaId: number;

  @ApiProperty({ enum: CommonFundAccountType })
  @IsEnum(CommonFundAccountType)
  accountType: CommonFundAccountType;

  @ApiProperty({ description: '账户号码：10至30位数字（可含分组空格）' })
  @trimmed()
  @IsString()
  @MinLength(1)
  @MaxLength(40)
  accountNo: string;

  @ApiProperty({ description: '户名' })
  @trimmed()
  @IsString()
  @MinLength(1)
  @MaxLength(128)
  accountName: string;

  @ApiProperty({ description: '开户行：共享银行名录中的银行' })
  @IsInt()
  @Min(1)
  bankId: number;

  @ApiProperty({ enum: CommonFundRegistrantType })
  @IsEnum(CommonFundRegistrantType)
  registrantType: CommonFundRegistrantType;

  @ApiProperty({ description: '登记人' })
  @trimmed()
  @IsString()
  @MinLength(1)
  @MaxLength(32)
  registrant: string;
}

/**
 * 登记本项目的共有资金账户 (the counterpart's own area, from the path): the same fields; the project
 * manager registers 共管账户, the owners' committee 基本账户.
 */
export class RegisterOwnCommonFundAccountDto extends OmitType(RegisterCommonFundAccountDto, ['propertyAreaId'] as const) {}

/** 责令整改 */
export class RectifyOrderDto {
  @ApiProperty({ description: '责令整改通知书编号' })
  @trimmed()
  @IsString()
  @MinLength(1)
  @MaxLength(64)
  orderNo: string;

  @ApiProperty({ description: '责令整改日期 YYYY-MM-DD' })
  @IsCalendarDate()
  orderDate: string;

  @ApiPropertyOptional({ description: '整改期限 YYYY-MM-DD；不填为责令整改日期后的整改天数（设置）' })
  @IsOptional()
  @IsCalendarDate()
  deadline?: string;
}

/** 行政处罚 */
export class PenaltyDto {
  @ApiProperty({ description: '行政处罚决定书编号' })
  @trimmed()
  @IsString()
  @MinLength(1)
  @MaxLength(64)
  decisionNo: string;

  @ApiProperty({ description: '处罚日期 YYYY-MM-DD' })
  @IsCalendarDate()
  decisionDate: string;

  @ApiProperty({ description: '罚款金额（元），由执法人员填写' })
  @IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: 2 })
  @IsPositive()
  @Max(100_000_000)
  amount: number;
}

/** 催办: the areas of the filter that should have an account and have none. */
export class CommonFundUrgeDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsInt()
  @Min(1)
  districtId?: number;

  @ApiPropertyOptional()
  @IsOptional()
  @IsInt()
  @Min(1)
  streetId?: number;

  @ApiPropertyOptional()
  @IsOptional()
  @IsInt()
  @Min(1)
  communityId?: number;

  @ApiPropertyOptional({ description: '只催这些物业项目（须在筛选范围内且未开户）' })
  @IsOptional()
  @IsInt({ each: true })
  @Min(1, { each: true })
  propertyAreaIds?: number[];
}
