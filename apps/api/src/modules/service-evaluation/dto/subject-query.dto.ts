import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { EvaluationSubjectType } from '@szpm/contract';
import { Type } from 'class-transformer';
import { IsEnum, IsInt, IsOptional, IsString, MaxLength, Min } from 'class-validator';
import { PageQueryDto } from '../../../common/http/pagination.dto';

export class SubjectQueryDto extends PageQueryDto {
  @ApiProperty({ enum: EvaluationSubjectType })
  @IsEnum(EvaluationSubjectType)
  subjectType: EvaluationSubjectType;

  @ApiPropertyOptional({ description: '按名称搜索（包含）' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  search?: string;

  @ApiPropertyOptional({ description: '市局账号可指定行政区；区局账号只能查看本区' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  districtId?: number;
}
