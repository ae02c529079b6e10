import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { FACILITY_DUE_WITHIN_DAYS_MAX, MaintenanceCycle, MaintenanceKind } from '@szpm/contract';
import { ArrayMaxSize, ArrayUnique, IsArray, IsBoolean, IsEnum, IsInt, IsNotEmpty, IsNumber, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { PageQueryDto } from '../../../../common/http/pagination.dto';
import { IsCalendarDate } from '../../../../common/validation/calendar-date.validator';
import { IntegerQuery, OptionalBooleanQuery, OptionalIdQuery, TextSearchQuery } from '../../../../common/validation/query-decorators';

/** 元, at most two decimals */
const MONEY_MAX = 999_999_999_999;
/** 注册代码 / 出厂编号: letters, digits and - (特种设备注册代码 is 20 digits) */
export const REGISTER_NUMBER_PATTERN = /^[0-9A-Za-z-]{1,32}$/;

/**
 * The fields of a facility that the API's create, the xlsx row and the update share: each rule is
 * written once, and the import reports it with the column's header.
 */
export class FacilityFieldsDto {
  @ApiProperty({ example: '1号客梯', description: '设备名称' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(128)
  name: string;

  @ApiPropertyOptional({ type: String, nullable: true, example: '1单元', description: '单元（须同时选择楼栋）' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(32)
  unitName?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: '首层大堂', description: '位置' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(128)
  position?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: '日立', description: '品牌' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  brand?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: '深圳市某电梯工程有限公司', description: '生产或维保单位' })
  @IsOptional()
  @IsString()
  @MaxLength(128)
  company?: string | null;

  @ApiPropertyOptional({ minimum: 1, maximum: 100000, default: 1, description: '数量' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100_000)
  quantity?: number;

  @ApiPropertyOptional({ type: String, nullable: true, example: '31104403002015060012', description: '注册代码（电梯等特种设备必填）' })
  @IsOptional()
  @IsString()
  @Matches(REGISTER_NUMBER_PATTERN)
  registerNumber?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, description: '出厂编号' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  serialNumber?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: '2015-06-01', description: '启用时间' })
  @IsOptional()
  @IsCalendarDate()
  commissionedAt?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: '2027-06-30', description: '到期日期（电梯等特种设备必填）' })
  @IsOptional()
  @IsCalendarDate()
  dueDate?: string | null;

  @ApiPropertyOptional({ nullable: true, enum: MaintenanceCycle, description: '维保周期' })
  @IsOptional()
  @IsEnum(MaintenanceCycle)
  maintenanceCycle?: MaintenanceCycle | null;

  @ApiPropertyOptional({ type: String, nullable: true, description: '责任人' })
  @IsOptional()
  @IsString()
  @MaxLength(32)
  personLiable?: string | null;

  @ApiPropertyOptional({ type: Number, nullable: true, description: '原值（元）' })
  @IsOptional()
  @IsNumber({ maxDecimalPlaces: 2, allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(MONEY_MAX)
  originalValue?: number | null;

  @ApiPropertyOptional({ type: Number, nullable: true, description: '现值（元）' })
  @IsOptional()
  @IsNumber({ maxDecimalPlaces: 2, allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(MONEY_MAX)
  currentValue?: number | null;

  @ApiPropertyOptional({ type: String, nullable: true, description: '年检单位' })
  @IsOptional()
  @IsString()
  @MaxLength(128)
  annualInspector?: string | null;

  @ApiPropertyOptional({ type: Number, nullable: true, description: '年检费用（元）' })
  @IsOptional()
  @IsNumber({ maxDecimalPlaces: 2, allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(MONEY_MAX)
  annualCost?: number | null;

  @ApiPropertyOptional({ default: true, description: '启用' })
  @IsOptional()
  @IsBoolean()
  enabled?: boolean;

  @ApiPropertyOptional({ type: String, nullable: true, description: '备注' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  remarks?: string | null;
}

/** 添加设施设备 */
export class CreateFacilityDto extends FacilityFieldsDto {
  @ApiProperty({ description: '设施设备类型（GET /api/facility-types）' })
  @IsInt()
  @Min(1)
  facilityTypeId: number;

  @ApiPropertyOptional({ type: Number, nullable: true, description: '所属楼栋（GET /api/property-areas/:id/buildings）；不填：属于整个物业区域' })
  @IsOptional()
  @IsInt()
  @Min(1)
  buildingId?: number | null;
}

/** 修改设施设备: the fields given change; null clears an optional field. */
export class UpdateFacilityDto extends PartialType(CreateFacilityDto) {}

/** One row of the facility sheet: the type and the building by name, as an officer writes them. */
export class FacilityRowDto extends FacilityFieldsDto {
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  type: string;

  @IsOptional()
  @IsString()
  @MaxLength(128)
  building?: string;
}

export class FacilityListQueryDto extends PageQueryDto {
  @OptionalIdQuery('设施设备类型（含其下级类型）')
  typeId?: number;

  @OptionalBooleanQuery('true: 只看启用的；false: 只看停用的')
  enabled?: boolean;

  @OptionalIdQuery('所属楼栋')
  buildingId?: number;

  @TextSearchQuery('设备名称、注册代码、位置包含')
  search?: string;
}

export class DueFacilitiesQueryDto extends PageQueryDto {
  @IntegerQuery({ min: 0, max: FACILITY_DUE_WITHIN_DAYS_MAX, description: '多少天内到期（默认：设置 FACILITY_DUE_WITHIN_DAYS，30天）；已过期的也列出' })
  withinDays?: number;

  @OptionalIdQuery('市局账号：只看该行政区')
  districtId?: number;

  @OptionalIdQuery('只看该街道')
  streetId?: number;

  @OptionalIdQuery('只看该物业区域')
  propertyAreaId?: number;
}

export class DistrictExportQueryDto {
  @OptionalIdQuery('行政区（区局账号：本区；市局账号必填）')
  districtId?: number;
}

/** 添加维修保养记录 */
export class CreateMaintenanceRecordDto {
  @ApiProperty({ example: '2026-11-20', description: '日期' })
  @IsCalendarDate()
  maintainedOn: string;

  @ApiProperty({ enum: MaintenanceKind, description: '类型：保养 / 维修 / 年检 / 更换' })
  @IsEnum(MaintenanceKind)
  kind: MaintenanceKind;

  @ApiProperty({ example: '半月保养：曳引机、制动器、门系统检查', description: '内容' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  content: string;

  @ApiPropertyOptional({ description: '情况' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  situation?: string;

  @ApiPropertyOptional({ description: '单位' })
  @IsOptional()
  @IsString()
  @MaxLength(128)
  unit?: string;

  @ApiPropertyOptional({ description: '人员' })
  @IsOptional()
  @IsString()
  @MaxLength(32)
  person?: string;

  @ApiPropertyOptional({ description: '费用（元）' })
  @IsOptional()
  @IsNumber({ maxDecimalPlaces: 2, allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(MONEY_MAX)
  cost?: number;

  @ApiPropertyOptional({ example: '2027-11-19', description: '新的到期日期（如年检合格后）：同时更新设施设备的到期日期' })
  @IsOptional()
  @IsCalendarDate()
  nextDueDate?: string;

  @ApiPropertyOptional({ type: [Number], description: '附件（POST /api/attachments 上传后的编号）' })
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @ArrayMaxSize(20)
  @IsInt({ each: true })
  @Min(1, { each: true })
  attachmentIds?: number[];
}

/** 新增设施设备类型（市局管理员） */
export class CreateFacilityTypeDto {
  @ApiPropertyOptional({ type: Number, nullable: true, description: '上级类型；不填为一级类型' })
  @IsOptional()
  @IsInt()
  @Min(1)
  parentId?: number | null;

  @ApiProperty({ example: 'LIFT_PASSENGER', description: '类型编码：大写字母、数字、下划线（2–32位）' })
  @IsString()
  @Matches(/^[A-Z0-9_]{2,32}$/)
  code: string;

  @ApiProperty({ example: '乘客电梯' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  @Matches(/^[^/]+$/)
  name: string;

  @ApiPropertyOptional({ minimum: 0, maximum: 9999, default: 0 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(9999)
  sortOrder?: number;

  @ApiPropertyOptional({ default: false, description: '特种设备：须填写注册代码和到期日期，列入到期提醒' })
  @IsOptional()
  @IsBoolean()
  isSpecialEquipment?: boolean;

  @ApiPropertyOptional({ default: true })
  @IsOptional()
  @IsBoolean()
  enabled?: boolean;
}

export class UpdateFacilityTypeDto extends PartialType(CreateFacilityTypeDto) {}

export class FacilityTypeQueryDto {
  @OptionalBooleanQuery('true: 含已停用的类型')
  includeDisabled?: boolean;
}

export class FacilityStatisticsQueryDto {
  @IntegerQuery({ min: 0, max: FACILITY_DUE_WITHIN_DAYS_MAX, description: '“即将到期”的天数（默认：设置 FACILITY_DUE_WITHIN_DAYS，30天）' })
  withinDays?: number;
}
