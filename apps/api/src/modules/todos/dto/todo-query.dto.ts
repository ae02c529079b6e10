import { ApiPropertyOptional } from '@nestjs/swagger';
import { TodoList } from '@szpm/contract';
import { IsEnum, IsOptional, IsString, MaxLength } from 'class-validator';
import { PageQueryDto } from '../../../common/http/pagination.dto';

export class TodoQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: TodoList, default: TodoList.PENDING, description: 'pending 待办 · handled 已办 · to-accept 待受理 · completed 已完成' })
  @IsOptional()
  @IsEnum(TodoList)
  list?: TodoList;

  @ApiPropertyOptional({ description: '业务类型 (GET /api/workflow/form-types)' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  formType?: string;

  @ApiPropertyOptional({ description: '业务单号、标题或评价对象名称（包含）' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  search?: string;
}
