import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { LATITUDE_RANGE, LONGITUDE_RANGE, NewProjectManager, ProjectManagerChangeRequest, ProjectRegistrationRequest } from '@szpm/contract';
import { Type } from 'class-transformer';
import { IsDefined, IsInt, IsNotEmpty, IsNumber, IsObject, IsOptional, IsString, Length, Matches, Max, MaxLength, Min, ValidateIf, ValidateNested } from 'class-validator';

const PHONE = /^\+?[0-9][0-9 -]{2,30}[0-9]$/;

/**
 * 项目登记: the body of POST /api/property-areas/registrations and the content of a
 * PROJECT_REGISTRATION case. The fields after `remarks` are decided by the server.
 */
export class ProjectRegistrationPayload implements ProjectRegistrationRequest {
  @ApiPropertyOptional({ description: '更新本单位已有的物业区域时填写；不填为新登记' })
  @IsOptional()
  @IsInt()
  @Min(1)
  propertyAreaId?: number;

  @ApiProperty({ maxLength: 128 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(128)
  name: string;

  @ApiProperty({ description: '所属社区（决定街道和行政区）' })
  @IsInt()
  @Min(1)
  communityId: number;

  @ApiProperty({ maxLength: 255 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(255)
  address: string;

  @ApiPropertyOptional({ type: String, nullable: true, description: '宗地号', maxLength: 64 })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  landNumber?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, description: '坐落', maxLength: 255 })
  @IsOptional()
  @IsString()
  @MaxLength(255)
  location?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, description: '四至（东）', maxLength: 128 })
  @IsOptional()
  @IsString()
  @MaxLength(128)
  boundEast?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, description: '四至（南）', maxLength: 128 })
  @IsOptional()
  @IsString()
  @MaxLength(128)
  boundSouth?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, description: '四至（西）', maxLength: 128 })
  @IsOptional()
  @IsString()
  @MaxLength(128)
  boundWest?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, description: '四至（北）', maxLength: 128 })
  @IsOptional()
  @IsString()
  @MaxLength(128)
  boundNorth?: string | null;

  @ApiProperty({ description: '建筑面积 ㎡（整数）' })
  @IsInt()
  @Min(0)
  floorArea: number;

  @ApiProperty({ description: '房屋套数' })
  @IsInt()
  @Min(0)
  houseCount: number;

  @ApiProperty({ description: '中心点经度', minimum: LONGITUDE_RANGE.min, maximum: LONGITUDE_RANGE.max })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(LONGITUDE_RANGE.min)
  @Max(LONGITUDE_RANGE.max)
  longitude: number;

  @ApiProperty({ description: '中心点纬度', minimum: LATITUDE_RANGE.min, maximum: LATITUDE_RANGE.max })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(LATITUDE_RANGE.min)
  @Max(LATITUDE_RANGE.max)
  latitude: number;

  @ApiPropertyOptional({ type: String, nullable: true, description: '开发建设单位名称', maxLength: 128 })
  @IsOptional()
  @IsString()
  @MaxLength(128)
  developerName?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, description: '入伙日期 YYYY-MM-DD' })
  @IsOptional()
  @IsString()
  handoverDate?: string | null;

  @ApiPropertyOptional({ description: '项目经理（本企业的项目经理）；项目经理账号不填即为本人' })
  @IsOptional()
  @IsInt()
  @Min(1)
  projectManagerId?: number;

  @ApiProperty({ description: '联系人', maxLength: 32 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(32)
  contactName: string;

  @ApiProperty({ description: '联系电话', maxLength: 32 })
  @IsString()
  @Matches(PHONE, { message: 'contactPhone不是有效的电话号码' })
  @MaxLength(32)
  contactPhone: string;

  @ApiPropertyOptional({ type: String, nullable: true, description: '备注', maxLength: 500 })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  remarks?: string | null;

  @IsOptional()
  @IsInt()
  companyId?: number;

  @IsOptional()
  @IsString()
  companyName?: string;

  @IsOptional()
  @IsString()
  projectManagerName?: string | null;

  @IsOptional()
  @IsInt()
  districtId?: number;

  @IsOptional()
  @IsInt()
  streetId?: number;

  @IsOptional()
  @IsString()
  communityName?: string;

  @IsOptional()
  @IsObject()
  current?: Record<string, unknown> | null;
}

export class NewProjectManagerDto implements NewProjectManager {
  @ApiProperty({ maxLength: 32 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(32)
  name: string;

  @ApiProperty({ maxLength: 20 })
  @IsString()
  @Matches(/^1\d{10}$/, { message: 'newManager.phone须为11位手机号码' })
  phone: string;

  @ApiProperty({ description: '身份证号（18位）' })
  @IsString()
  @Matches(/^\d{17}[\dX]$/, { message: 'newManager.idNumber须为18位身份证号' })
  idNumber: string;

  @ApiProperty({ description: '证书编号', maxLength: 32 })
  @IsString()
  @Length(1, 32)
  certificateNo: string;
}

/**
 * 项目经理变更: the body of POST /api/property-areas/:id/manager-changes and (with the area and
 * what the server decided) the content of a PROJECT_MANAGER_CHANGE case.
 */
/** The new manager is named one way: an existing one (projectManagerId) or a new one (newManager), never neither. */
export class ProjectManagerChangeDto implements ProjectManagerChangeRequest {
  @ApiPropertyOptional({ description: '本项目物业服务企业已登记的项目经理（与 newManager 二者选一）' })
  @ValidateIf((o: ProjectManagerChangeDto) => o.newManager === undefined || o.projectManagerId !== undefined)
  @IsDefined({ message: '请选择一位已登记的项目经理或填写新项目经理' })
  @IsInt()
  @Min(1)
  projectManagerId?: number;

  @ApiPropertyOptional({ type: NewProjectManagerDto, description: '尚未登记的新项目经理（与 projectManagerId 二者选一）' })
  @IsOptional()
  @ValidateNested()
  @Type(() => NewProjectManagerDto)
  newManager?: NewProjectManagerDto;

  @ApiPropertyOptional({ description: '变更原因', maxLength: 500 })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  reason?: string;
}

export class ProjectManagerChangePayload extends ProjectManagerChangeDto {
  @IsInt()
  @Min(1)
  propertyAreaId: number;

  @IsOptional()
  @IsString()
  areaName?: string;

  @IsOptional()
  @IsInt()
  companyId?: number;

  @IsOptional()
  @IsInt()
  previousManagerId?: number | null;

  @IsOptional()
  @IsString()
  previousManagerName?: string | null;

  @IsOptional()
  @IsString()
  managerName?: string;
}
