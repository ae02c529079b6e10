import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CreateDelegationRequest, DelegationState, ModuleKey } from '@szpm/contract';
import { ArrayMaxSize, ArrayNotEmpty, ArrayUnique, IsArray, IsBoolean, IsEnum, IsInt, IsNotEmpty, IsOptional, IsString, MaxLength, Min, ValidateIf } from 'class-validator';
import { PageQueryDto } from '../../../common/http/pagination.dto';
import { IsDateTime } from '../../../common/validation/calendar-date.validator';

/** 发起委托 */
export class CreateDelegationDto implements CreateDelegationRequest {
  @ApiProperty({ description: '受托人：本区住建局的其他同事（GET /api/delegations/candidates）' })
  @IsInt()
  @Min(1)
  delegateId: number;

  @ApiProperty({ description: 'true：委托本人的全部模块权限；false：只委托 modules 所列模块' })
  @IsBoolean()
  allModules: boolean;

  @ApiPropertyOptional({ enum: ModuleKey, isArray: true, description: 'allModules 为 false 时必填：委托的模块（GET /api/delegations/modules）' })
  @ValidateIf((o: CreateDelegationDto) => o.allModules === false || o.modules !== undefined)
  @IsArray()
  @ArrayNotEmpty()
  @ArrayMaxSize(Object.values(ModuleKey).length)
  @ArrayUnique()
  @IsEnum(ModuleKey, { each: true })
  modules?: ModuleKey[];

  @ApiPropertyOptional({ format: 'date-time', example: '2026-12-01T09:00:00+08:00', description: '开始时间；不填为现在，早于现在的从现在起生效' })
  @IsOptional()
  @IsDateTime()
  startAt?: string;

  @ApiProperty({ format: 'date-time', example: '2026-12-15T18:00:00+08:00', description: '结束时间：到期后委托自动停止' })
  @IsDateTime()
  endAt: string;

  @ApiProperty({ example: '休假期间代为办理物业服务评价的审核事项', description: '委托代办的事宜' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  matters: string;
}

export class DelegationQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: DelegationState, description: '未开始 / 委托中 / 已终止 / 已到期' })
  @IsOptional()
  @IsEnum(DelegationState)
  state?: DelegationState;
}
