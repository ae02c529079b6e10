import { ApiPropertyOptional } from '@nestjs/swagger';
import { AccountStatus, Role, UnitCategory } from '@szpm/contract';
import { IsEnum, IsOptional } from 'class-validator';
import { PageQueryDto } from '../../../common/http/pagination.dto';
import { OptionalBooleanQuery, OptionalIdQuery, TextSearchQuery } from '../../../common/validation/query-decorators';

export class StaffQueryDto extends PageQueryDto {
  @TextSearchQuery('按姓名搜索（包含）', 32)
  search?: string;

  @ApiPropertyOptional({ enum: Role })
  @IsOptional()
  @IsEnum(Role)
  role?: Role;

  @OptionalBooleanQuery('true: 已绑定微信; false: 未绑定')
  bound?: boolean;

  @ApiPropertyOptional({ enum: AccountStatus })
  @IsOptional()
  @IsEnum(AccountStatus)
  status?: AccountStatus;

  @OptionalIdQuery('市局账号可指定行政区；区局账号只能查看本区')
  districtId?: number;
}

export class AdminAccountQueryDto extends StaffQueryDto {
  @ApiPropertyOptional({ enum: UnitCategory })
  @IsOptional()
  @IsEnum(UnitCategory)
  unitCategory?: UnitCategory;
}

export class BindingStatsQueryDto {
  @OptionalIdQuery('市局账号可指定行政区；不指定为全市')
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

  @TextSearchQuery('单位名称包含')
  search?: string;

  @OptionalIdQuery()
  districtId?: number;
}

export class UnitAccountsQueryDto extends PageQueryDto {
  @OptionalBooleanQuery('true: 已绑定; false: 未绑定; 不填: 账户总数')
  bound?: boolean;

  @OptionalIdQuery()
  districtId?: number;
}
