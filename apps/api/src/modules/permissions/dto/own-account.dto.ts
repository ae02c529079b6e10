import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsNotEmpty, IsOptional, IsString, IsUrl, MaxLength } from 'class-validator';

export class UpdateOwnProfileDto {
  @ApiPropertyOptional({ example: '科员' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  position?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsEmail()
  @MaxLength(128)
  email?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUrl({ require_protocol: true })
  @MaxLength(255)
  avatarUrl?: string;
}

export class CancelOwnAccountDto {
  @ApiProperty({ description: '注销前须输入当前密码确认' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(128)
  password: string;
}
