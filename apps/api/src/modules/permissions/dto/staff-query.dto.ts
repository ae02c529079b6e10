import { ApiPropertyOptional } from '@nestjs/swagger';
import { AccountStatus, Role, UnitCategory } from '@szpm/contract';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsEnum, IsInt, IsOptional, IsString, MaxLength, Min } from 'class-validator';
import { PageQueryDto } from '../../../common/http/pagination.dto';

const toBoolean = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

export class StaffQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: '按姓名搜索（包含）' })
  @IsOptional()
  @IsString()
  @MaxLength(32)
  search?: string;

  @ApiPropertyOptional({ enum: Role })
  @IsOptional()
  @IsEnum(Role)
  role?: Role;

  @ApiPropertyOptional({ description: 'true: 已绑定微信; false: 未绑定' })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  bound?: boolean;

  @ApiPropertyOptional({ enum: AccountStatus })
  @IsOptional()
  @IsEnum(AccountStatus)
  status?: AccountStatus;

  @ApiPropertyOptional({ description: '市局账号可指定行政区；区局账号只能查看本区' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  districtId?: number;
}

export class AdminAccountQueryDto extends StaffQueryDto {
  @ApiPropertyOptional({ enum: UnitCategory })
  @IsOptional()
  @IsEnum(UnitCategory)
  unitCategory?: UnitCategory;
}

export class BindingStatsQueryDto {
  @ApiPropertyOptional({ description: '市局账号可指定行政区；不指定为全市' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  districtId?: number;
}

export enum UnitFilter {
  ALL = 'all',
  WITHOUT_ACCOUNT = 'without-account',
}

export class UnitsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: UnitFilter, default: UnitFilter.ALL, description: 'all: 全部单位; without-account: 未开设单位' })
  @IsOptional()
  @IsEnum(UnitFilter)
  filter?: UnitFilter;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(64)
  search?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  districtId?: number;
}

export class UnitAccountsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'true: 已绑定; false: 未绑定; 不填: 账户总数' })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  bound?: boolean;

  @ApiPropertyOptional()
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  districtId?: number;
}
