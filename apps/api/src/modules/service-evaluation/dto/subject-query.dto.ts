import { ApiProperty } from '@nestjs/swagger';
import { EvaluationSubjectType } from '@szpm/contract';
import { IsEnum } from 'class-validator';
import { PageQueryDto } from '../../../common/http/pagination.dto';
import { OptionalIdQuery, TextSearchQuery } from '../../../common/validation/query-decorators';

export class SubjectQueryDto extends PageQueryDto {
  @ApiProperty({ enum: EvaluationSubjectType })
  @IsEnum(EvaluationSubjectType)
  subjectType: EvaluationSubjectType;

  @TextSearchQuery('按名称搜索（包含）')
  search?: string;

  @OptionalIdQuery('市局账号可指定行政区；区局账号只能查看本区')
  districtId?: number;
}
