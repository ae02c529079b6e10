import { ApiProperty, ApiPropertyOptional, IntersectionType, PartialType } from '@nestjs/swagger';
import { CertificateType, EmployerKind, PRACTITIONER_TABLE_COUNTERS, PractitionerGender, PractitionerPosition, PractitionerProjectCounters, PractitionerStatus } from '@szpm/contract';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsEnum, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, Matches, MaxLength, Min, ValidateNested } from 'class-validator';
import { PageQueryDto } from '../../../common/http/pagination.dto';
import { IsCalendarDate } from '../../../common/validation/calendar-date.validator';
import { OptionalIdQuery, TextSearchQuery } from '../../../common/validation/query-decorators';
import { PRACTITIONER_PHONE } from '../practitioner-rules';

/** 18 characters, the last a digit or X (the check character is verified by the service, naming idNumber) */
export const ID_NUMBER_SHAPE = /^\d{17}[\dXx]$/;

/** A certificate as the API's add and the sheet state it. */
export class PractitionerCertificateDto {
  @ApiProperty({ enum: CertificateType, description: '证书类型' })
  @IsEnum(CertificateType)
  type: CertificateType;

  @ApiProperty({ example: 'T440304198801011234', description: '证书编号' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  certNo: string;

  @ApiProperty({ example: '2022-03-01', description: '发证日期' })
  @IsCalendarDate()
  issuedAt: string;

  @ApiProperty({ example: '2028-03-01', description: '有效期至（不能早于发证日期）' })
  @IsCalendarDate()
  expiresAt: string;
}

/** The fields of a practitioner that the API's add, the sheet row and the edit share. */
export class PractitionerFieldsDto {
  @ApiProperty({ example: '张伟', description: '姓名' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(32)
  name: string;

  @ApiProperty({ enum: PractitionerGender, description: '性别' })
  @IsEnum(PractitionerGender)
  gender: PractitionerGender;

  @ApiProperty({ example: '11010519491231002X', description: '身份证号码（18位）' })
  @IsString()
  @Matches(ID_NUMBER_SHAPE, { message: 'idNumber须为18位身份证号码' })
  idNumber: string;

  @ApiProperty({ example: '13812345678', description: '联系电话（手机号码）' })
  @IsString()
  @Matches(PRACTITIONER_PHONE, { message: 'phone须为11位手机号码' })
  phone: string;

  @ApiProperty({ enum: PractitionerPosition, description: '岗位' })
  @IsEnum(PractitionerPosition)
  position: PractitionerPosition;

  @ApiProperty({ example: '2023-06-01', description: '入职日期' })
  @IsCalendarDate()
  hiredAt: string;

  @ApiPropertyOptional({ default: false, description: '党员' })
  @IsOptional()
  @IsBoolean()
  isPartyMember?: boolean;

  @ApiPropertyOptional({ type: String, nullable: true, example: '大专', description: '学历' })
  @IsOptional()
  @IsString()
  @MaxLength(16)
  education?: string | null;
}

export class CreatePractitionerDto extends PractitionerFieldsDto {
  @ApiPropertyOptional({ type: [PractitionerCertificateDto], description: '证书' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => PractitionerCertificateDto)
  certificates?: PractitionerCertificateDto[];
}

export class UpdatePractitionerDto extends PartialType(PractitionerFieldsDto) {}

export class LeavePractitionerDto {
  @ApiProperty({ example: '2026-11-30', description: '离职日期（不能早于入职日期）' })
  @IsCalendarDate()
  leftAt: string;
}

/** One row of the roster sheet: the person and at most one certificate. */
export class PractitionerRowDto extends PractitionerFieldsDto {
  @IsOptional()
  @IsEnum(CertificateType)
  certificateType?: CertificateType;

  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  certNo?: string;

  @IsOptional()
  @IsCalendarDate()
  issuedAt?: string;

  @IsOptional()
  @IsCalendarDate()
  expiresAt?: string;
}

export class PractitionerRegionQueryDto {
  @OptionalIdQuery('行政区（市局账号；区局账号只能是本区）')
  districtId?: number;

  @OptionalIdQuery('街道')
  streetId?: number;

  @OptionalIdQuery('社区')
  communityId?: number;
}

export class PractitionerCellQueryDto extends IntersectionType(PractitionerRegionQueryDto, PageQueryDto) {
  @OptionalIdQuery('统计表中某一行的区域（regionId）；不填为合计行')
  regionId?: number;

  @ApiProperty({ enum: PRACTITIONER_TABLE_COUNTERS, description: '点开的数字：projects / filed / notFiled 列出项目，其余列出人员' })
  @IsIn(PRACTITIONER_TABLE_COUNTERS)
  counter: keyof PractitionerProjectCounters;
}

export class PractitionerListQueryDto extends PageQueryDto {
  @OptionalIdQuery('行政区（市局账号）')
  districtId?: number;

  @OptionalIdQuery('物业项目（穿透到项目：该项目的人员）')
  propertyAreaId?: number;

  @OptionalIdQuery('物业服务企业（与 employerKind=COMPANY 一起：该企业的企业从业人员）')
  companyId?: number;

  @ApiPropertyOptional({ enum: EmployerKind })
  @IsOptional()
  @IsEnum(EmployerKind)
  employerKind?: EmployerKind;

  @ApiPropertyOptional({ enum: PractitionerPosition })
  @IsOptional()
  @IsEnum(PractitionerPosition)
  position?: PractitionerPosition;

  @ApiPropertyOptional({ enum: PractitionerStatus, description: '不填为在岗' })
  @IsOptional()
  @IsEnum(PractitionerStatus)
  status?: PractitionerStatus;

  @TextSearchQuery('姓名（包含）', 32)
  search?: string;
}

export class AreaRosterQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: PractitionerStatus, description: '不填：在岗和离职都列出' })
  @IsOptional()
  @IsEnum(PractitionerStatus)
  status?: PractitionerStatus;
}

export class CompanyStatsQueryDto extends PageQueryDto {
  @OptionalIdQuery('行政区（市局账号）')
  districtId?: number;

  @TextSearchQuery('企业名称（包含）', 64)
  search?: string;
}

export class PractitionerExportQueryDto {
  @OptionalIdQuery('行政区（市局账号须选择）')
  districtId?: number;

  @ApiPropertyOptional({ enum: EmployerKind, description: '不填：项目和企业从业人员' })
  @IsOptional()
  @IsEnum(EmployerKind)
  employerKind?: EmployerKind;
}

export class PractitionerRemindDto {
  @ApiPropertyOptional({ description: '行政区（市局账号须选择）' })
  @IsOptional()
  @IsInt()
  @Min(1)
  districtId?: number;

  @ApiPropertyOptional({ default: false, description: '只提醒从未填报或超过设定天数未更新的项目的项目经理' })
  @IsOptional()
  @IsBoolean()
  onlyOutdated?: boolean;
}
