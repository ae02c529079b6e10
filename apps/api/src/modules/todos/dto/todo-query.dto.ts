import { ApiPropertyOptional } from '@nestjs/swagger';
import { ModuleKey, TodoList } from '@szpm/contract';
import { IsEnum, IsOptional, IsString, MaxLength } from 'class-validator';
import { PageQueryDto } from '../../../common/http/pagination.dto';
import { TextSearchQuery } from '../../../common/validation/query-decorators';

export class TodoCountsQueryDto {
  @ApiPropertyOptional({ enum: ModuleKey, description: '只统计该模块的业务单（如物业服务评价的“我的工作”）' })
  @IsOptional()
  @IsEnum(ModuleKey)
  module?: ModuleKey;
}

export class TodoQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: ModuleKey, description: '只列该模块的业务单（如物业服务评价的“我的工作”）' })
  @IsOptional()
  @IsEnum(ModuleKey)
  module?: ModuleKey;

  @ApiPropertyOptional({ enum: TodoList, default: TodoList.PENDING, description: 'pending 待办 · handled 已办 · to-accept 待受理 · completed 已完成' })
  @IsOptional()
  @IsEnum(TodoList)
  list?: TodoList;

  @ApiPropertyOptional({ description: '业务类型 (GET /api/workflow/form-types)' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  formType?: string;

  @TextSearchQuery('业务单号、标题或评价对象名称（包含）')
  search?: string;
}
