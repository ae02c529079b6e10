import { Module } from '@nestjs/common';
import { TodosController } from './todos.controller';
import { TodosService } from './todos.service';

/** 待办事项 (chapter 4): lists over the workflow engine's cases (WorkflowModule is global). */
@Module({
  controllers: [TodosController],
  providers: [TodosService],
})
export class TodosModule {}
