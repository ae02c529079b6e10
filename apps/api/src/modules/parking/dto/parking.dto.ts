import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { PARKING_STATS_COLUMNS, PARKING_DERIVED_KEYS, ParkingCounter, ParkingDisputeType, PARKING_DISPUTE_TYPE_LABELS } from '@szpm/contract';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsEnum, IsIn, IsInt, IsNumber, IsOptional, IsString, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { PageQueryDto } from '../../../common/http/pagination.dto';
import { OptionalIdQuery } from '../../../common/validation/query-decorators';

/** No estate has a million spaces: a bound that keeps sums far inside an int. */
const SPACES_MAX = 100_000;
const FEE_MAX = 100_000;

const DISPUTE_TYPES_TEXT = Object.entries(PARKING_DISPUTE_TYPE_LABELS)
  .map(([key, label]) => `${key} ${label}`)
  .join(' / ');

/** A space count: a whole number, 0 or more. */
function Spaces(description: string): PropertyDecorator {
  return applyDecorators(ApiProperty({ type: Number, minimum: 0, maximum: SPACES_MAX, description }), IsInt(), Min(0), Max(SPACES_MAX));
}

/** A fee in 元: optional, a number with at most two decimals, 0 or more. */
function Fee(description: string): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({ type: Number, nullable: true, minimum: 0, maximum: FEE_MAX, description }),
    IsOptional(),
    IsNumber({ maxDecimalPlaces: 2, allowNaN: false, allowInfinity: false }),
    Min(0),
    Max(FEE_MAX),
  );
}

export class ParkingDisputeDto {
  @ApiProperty({ enum: ParkingDisputeType, description: `纠纷类型：${DISPUTE_TYPES_TEXT}` })
  @IsEnum(ParkingDisputeType)
  type: ParkingDisputeType;

  @ApiProperty({ type: Number, minimum: 1, maximum: 10_000, description: '宗数' })
  @IsInt()
  @Min(1)
  @Max(10_000)
  caseCount: number;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 500, description: '情况说明' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  note?: string | null;
}

/** 车位信息填报: the counts (地上 + 地下 + 机械 = 车位总数; the right classes together ≤ 车位总数; 对外开放 / 临时 / 充电 / 无障碍 each ≤ 车位总数), fees and disputes. */
export class ParkingFilingDto {
  @Spaces('车位总数')
  total: number;

  @Spaces('地上车位')
  surface: number;

  @Spaces('地下车位')
  underground: number;

  @Spaces('机械车位')
  mechanical: number;

  @Spaces('产权车位（已售）')
  soldOwned: number;

  @Spaces('开发商持有（未售）')
  developerHeld: number;

  @Spaces('出租车位')
  rented: number;

  @Spaces('人防车位')
  civilDefence: number;

  @Spaces('共有车位（占用业主共有道路或场地）')
  common: number;

  @Spaces('对外开放车位')
  publicOpen: number;

  @Spaces('临时车位')
  temporary: number;

  @Spaces('充电车位')
  evCharging: number;

  @Spaces('充电桩数')
  chargingPosts: number;

  @Spaces('无障碍车位')
  accessible: number;

  @Fee('月租标准（元/月）')
  monthlyFee?: number | null;

  @Fee('临停标准（元/小时）')
  hourlyFee?: number | null;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 500, description: '备注' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  remarks?: string | null;

  @ApiPropertyOptional({ type: [ParkingDisputeDto], description: '车位纠纷：每种类型一行（宗数、说明）；不填或空为无纠纷' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(Object.keys(ParkingDisputeType).length)
  @ValidateNested({ each: true })
  @Type(() => ParkingDisputeDto)
  disputes?: ParkingDisputeDto[];
}

/** The region filter of both tables, the export and 提醒更新's query. */
export class ParkingRegionQueryDto {
  @OptionalIdQuery('行政区（市局账号；区局账号只能是本区）')
  districtId?: number;

  @OptionalIdQuery('街道')
  streetId?: number;

  @OptionalIdQuery('社区')
  communityId?: number;
}

export const PARKING_CELL_COUNTERS = PARKING_STATS_COLUMNS.map((c) => c.key).filter((key): key is ParkingCounter => !(PARKING_DERIVED_KEYS as readonly string[]).includes(key));

export class ParkingCellQueryDto extends IntersectionType(ParkingRegionQueryDto, PageQueryDto) {
  @OptionalIdQuery('统计表中某一行的区域（regionId）；不填为合计行')
  regionId?: number;

  @ApiProperty({ enum: PARKING_CELL_COUNTERS, description: `点开的数字：${PARKING_STATS_COLUMNS.filter((c) => (PARKING_CELL_COUNTERS as readonly string[]).includes(c.key)).map((c) => `${c.key} ${c.label}`).join(' / ')}` })
  @IsIn(PARKING_CELL_COUNTERS)
  counter: ParkingCounter;
}

export class ParkingDisputeAreaQueryDto extends IntersectionType(ParkingRegionQueryDto, PageQueryDto) {
  @ApiPropertyOptional({ enum: ParkingDisputeType, description: '纠纷类型；不填为有任一纠纷的项目' })
  @IsOptional()
  @IsEnum(ParkingDisputeType)
  type?: ParkingDisputeType;
}

/** 提醒更新: the region of the table on screen (none: the actor's whole scope). */
export class ParkingRemindDto {
  @ApiPropertyOptional({ type: Number, minimum: 1, description: '行政区（市局账号；区局账号只能是本区）' })
  @IsOptional()
  @IsInt()
  @Min(1)
  districtId?: number;

  @ApiPropertyOptional({ type: Number, minimum: 1, description: '街道' })
  @IsOptional()
  @IsInt()
  @Min(1)
  streetId?: number;

  @ApiPropertyOptional({ type: Number, minimum: 1, description: '社区' })
  @IsOptional()
  @IsInt()
  @Min(1)
  communityId?: number;
}

export class ParkingHistoryQueryDto extends PageQueryDto {}
