import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CreateCreditRecordRequest, CreditInfoKind, CreditSubjectType } from '@szpm/contract';
import { IsEnum, IsInt, IsNotEmpty, IsOptional, IsString, MaxLength, Min } from 'class-validator';
import { PageQueryDto } from '../../../common/http/pagination.dto';
import { IsCalendarDate } from '../../../common/validation/calendar-date.validator';
import { OptionalIdQuery, TextSearchQuery } from '../../../common/validation/query-decorators';

export class CreditSubjectQueryDto extends PageQueryDto {
  @ApiProperty({ enum: CreditSubjectType, description: '物业服务企业 / 项目负责人 / 业委会主任 / 业主 / 业委会执行秘书 / 业主监事' })
  @IsEnum(CreditSubjectType)
  subjectType: CreditSubjectType;

  @TextSearchQuery('按名称搜索（包含）')
  search?: string;

  @OptionalIdQuery('市局账号可指定行政区；区局账号只能查看本区')
  districtId?: number;
}

/** 诚信登记 */
export class CreateCreditRecordDto implements CreateCreditRecordRequest {
  @ApiProperty({ enum: CreditSubjectType })
  @IsEnum(CreditSubjectType)
  subjectType: CreditSubjectType;

  @ApiProperty()
  @IsInt()
  @Min(1)
  subjectId: number;

  @ApiProperty({ enum: CreditInfoKind, description: 'GOOD 良好信息 / BAD 不良信息' })
  @IsEnum(CreditInfoKind)
  kind: CreditInfoKind;

  @ApiProperty({ example: '拒不执行法院生效判决', description: '事项' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(128)
  title: string;

  @ApiProperty({ description: '具体内容' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  content: string;

  @ApiProperty({ example: '深圳市福田区人民法院', description: '认定单位' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(128)
  issuedBy: string;

  @ApiPropertyOptional({ description: '文书编号' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  documentNo?: string;

  @ApiProperty({ example: '2026-05-10', description: '认定日期' })
  @IsCalendarDate()
  recordDate: string;

  @ApiPropertyOptional({ example: '2027-05-09', description: '有效期至（含）' })
  @IsOptional()
  @IsCalendarDate()
  validUntil?: string;
}
