import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { CoordinateStatus, LATITUDE_RANGE, LONGITUDE_RANGE, PROPERTY_AREA_COUNTER_LABELS, PropertyAreaCounters, PropertyAreaSort } from '@szpm/contract';
import { Transform } from 'class-transformer';
import { IsEnum, IsIn, IsNumber, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { PageQueryDto } from '../../../common/http/pagination.dto';
import { OptionalIdQuery, TextSearchQuery } from '../../../common/validation/query-decorators';

/** A trimmed text filter other than `search` (blank means none). */
function NameContainsQuery(description: string, maxLength = 64): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({ type: String, description, maxLength }),
    IsOptional(),
    Transform(({ value }: { value: unknown }) => {
      if (typeof value !== 'string') return value;
      const trimmed = value.trim();
      return trimmed === '' ? undefined : trimmed;
    }),
    IsString(),
    MaxLength(maxLength),
  );
}

/** A decimal degree (longitude or latitude) in the query string; anything else stays text and is refused naming the field. */
function DegreeQuery(description: string, range: { min: number; max: number }): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({ type: Number, description, minimum: range.min, maximum: range.max }),
    IsOptional(),
    Transform(({ value }: { value: unknown }) => (typeof value === 'string' && /^-?\d{1,3}(\.\d{1,10})?$/.test(value) ? Number(value) : value)),
    IsNumber({ allowNaN: false, allowInfinity: false }),
    Min(range.min),
    Max(range.max),
  );
}

/** The region filter of the list and of 本区项目统计. */
export class AreaRegionQueryDto {
  @OptionalIdQuery('行政区（市局账号；区局账号只能是本区）')
  districtId?: number;

  @OptionalIdQuery('街道')
  streetId?: number;

  @OptionalIdQuery('社区')
  communityId?: number;
}

export const AREA_SORT_ORDERS = ['ASC', 'DESC'] as const;

/** GET /api/property-areas: the four search keys (each alone or combined), the map rectangle, the region filter, sort and paging. */
export class AreaListQueryDto extends IntersectionType(AreaRegionQueryDto, PageQueryDto) {
  @TextSearchQuery('物业区域名称（包含）', 32)
  search?: string;

  @ApiPropertyOptional({ enum: CoordinateStatus, description: '坐标图层：PLOTTED 已标注 / UNPLOTTED 未标注' })
  @IsOptional()
  @IsEnum(CoordinateStatus)
  coordinateStatus?: CoordinateStatus;

  @NameContainsQuery('坐标图层名称（等于）')
  layer?: string;

  @NameContainsQuery('物业服务企业名称（包含）')
  companySearch?: string;

  @NameContainsQuery('开发建设单位名称（包含）')
  developerSearch?: string;

  @DegreeQuery('地图范围西南角经度（四个角点须同时填写）', LONGITUDE_RANGE)
  swLng?: number;

  @DegreeQuery('地图范围西南角纬度', LATITUDE_RANGE)
  swLat?: number;

  @DegreeQuery('地图范围东北角经度', LONGITUDE_RANGE)
  neLng?: number;

  @DegreeQuery('地图范围东北角纬度', LATITUDE_RANGE)
  neLat?: number;

  @ApiPropertyOptional({ enum: PropertyAreaSort, description: '排序：name 名称 / floorArea 建筑面积 / houseCount 户数 / handoverDate 入伙日期' })
  @IsOptional()
  @IsEnum(PropertyAreaSort)
  sort?: PropertyAreaSort;

  @ApiPropertyOptional({ enum: AREA_SORT_ORDERS, default: 'ASC' })
  @IsOptional()
  @IsIn(AREA_SORT_ORDERS)
  order?: (typeof AREA_SORT_ORDERS)[number];
}

/** GET /api/property-areas/:id/houses */
export class HouseQueryDto extends PageQueryDto {
  @OptionalIdQuery('楼栋')
  buildingId?: number;

  @NameContainsQuery('单元（须同时指定楼栋）', 8)
  unitNo?: string;
}

export const PROPERTY_AREA_COUNTERS = Object.keys(PROPERTY_AREA_COUNTER_LABELS) as Array<keyof PropertyAreaCounters>;

/** GET /api/property-areas/statistics/cells: the areas behind one number of 本区项目统计. */
export class AreaCellQueryDto extends IntersectionType(AreaRegionQueryDto, PageQueryDto) {
  @OptionalIdQuery('统计表中某一行的区域（regionId）；不填为合计行')
  regionId?: number;

  @ApiProperty({ enum: PROPERTY_AREA_COUNTERS, description: '点开的数字：projects 项目数 / buildArea 总建筑面积 / households 总户数 / companyManaged 企业管理 / selfManaged 自管 / withCommittee 已成立业委会' })
  @IsIn(PROPERTY_AREA_COUNTERS)
  counter: keyof PropertyAreaCounters;
}
