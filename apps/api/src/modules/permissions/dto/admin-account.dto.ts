import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { AccountStatus, GrantAction, ModuleKey, Role } from '@szpm/contract';
import { IsEmail, IsEnum, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, Matches, MaxLength, Min } from 'class-validator';

export const MOBILE_PHONE = /^1[3-9]\d{9}$/;

export class CreateAccountDto {
  @ApiProperty({ example: 'futian.staff07', description: '登录用户名：字母、数字、点、下划线、连字符' })
  @IsString()
  @Matches(/^[A-Za-z0-9._-]{3,64}$/)
  username: string;

  @ApiProperty({ example: '李明' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(32)
  name: string;

  @ApiProperty({ example: '13800138000' })
  @IsString()
  @Matches(MOBILE_PHONE)
  phone: string;

  @ApiProperty({ enum: Role })
  @IsEnum(Role)
  role: Role;

  @ApiPropertyOptional({ description: '区局账号创建时固定为本区' })
  @IsOptional()
  @IsInt()
  @Min(1)
  districtId?: number;

  @ApiPropertyOptional({ description: '街道办账号必填' })
  @IsOptional()
  @IsInt()
  @Min(1)
  streetId?: number;

  @ApiPropertyOptional({ description: '单位账号（物业服务企业/项目负责人/业委会）必填：所代表的单位' })
  @IsOptional()
  @IsInt()
  @Min(1)
  unitId?: number;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(64)
  position?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsEmail()
  @MaxLength(128)
  email?: string;

  @ApiPropertyOptional({ description: '初始密码；不填则由系统生成并只返回一次' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  password?: string;
}

export class SetAccountStatusDto {
  @ApiProperty({ enum: [AccountStatus.ACTIVE, AccountStatus.DISABLED] })
  @IsIn([AccountStatus.ACTIVE, AccountStatus.DISABLED])
  status: AccountStatus.ACTIVE | AccountStatus.DISABLED;
}

export class GrantDtoBody {
  @ApiProperty({ enum: ModuleKey })
  @IsEnum(ModuleKey)
  module: ModuleKey;

  @ApiProperty({ enum: GrantAction })
  @IsEnum(GrantAction)
  action: GrantAction;
}

export class ResetPasswordDto {
  @ApiPropertyOptional({ description: '新的初始密码；不填则由系统生成并只返回一次。账号下次登录须先修改密码' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  password?: string;
}
