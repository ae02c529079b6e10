import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { GrantAction, ModuleKey, Page, TodoCounts, WorkflowCaseSummary } from '@szpm/contract';
import { CurrentActor, RequireGrant } from '../../access/access.decorators';
import { Actor } from '../../access/actor';
import { TodoCountsQueryDto, TodoQueryDto } from './dto/todo-query.dto';
import { TodosService } from './todos.service';

@ApiTags('todos (第4章 待办事项)')
@ApiBearerAuth()
@Controller('todos')
export class TodosController {
  constructor(private readonly todos: TodosService) {}

  @Get()
  @RequireGrant(ModuleKey.TODOS, GrantAction.VIEW)
  @ApiOperation({ summary: '待办 / 已办 / 待受理 / 已完成 across every form type; open one with GET /api/workflow/cases/:id' })
  list(@CurrentActor() actor: Actor, @Query() query: TodoQueryDto): Promise<Page<WorkflowCaseSummary>> {
    return this.todos.list(actor, query);
  }

  @Get('counts')
  @RequireGrant(ModuleKey.TODOS, GrantAction.VIEW)
  @ApiOperation({ summary: 'counts of the four lists, for the home page badges' })
  counts(@CurrentActor() actor: Actor, @Query() query: TodoCountsQueryDto): Promise<TodoCounts> {
    return this.todos.counts(actor, query);
  }
}
