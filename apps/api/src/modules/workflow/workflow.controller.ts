import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CITY_ROLES, DISTRICT_ROLES, Page, WorkflowCaseDetail, WorkflowCaseSummary, WorkflowFormTypeInfo } from '@szpm/contract';
import { Audited, CurrentActor, RequireRoles } from '../../access/access.decorators';
import { Actor } from '../../access/actor';
import { ParseIdPipe } from '../../common/http/parse-id.pipe';
import { WorkflowActionDto } from './dto/workflow-action.dto';
import { WorkflowCaseQueryDto } from './dto/workflow-case-query.dto';
import { WORKFLOW_PARTICIPANT_ROLES } from './workflow-roles';
import { WorkflowService } from './workflow.service';

/**
 * The engine's own endpoints: a form's detail and history, its actions, the approval query.
 * Forms are started by the endpoints of their modules (which call WorkflowService.start / file).
 * The grant needed depends on the form type's module and is checked by the service.
 */
@ApiTags('workflow (审批流程)')
@ApiBearerAuth()
@Controller('workflow')
export class WorkflowController {
  constructor(private readonly workflow: WorkflowService) {}

  @Get('form-types')
  @RequireRoles(...WORKFLOW_PARTICIPANT_ROLES)
  @ApiOperation({ summary: '业务类型: the registered form types the caller may see, for filters' })
  formTypes(@CurrentActor() actor: Actor): WorkflowFormTypeInfo[] {
    return this.workflow.formTypes(actor);
  }

  @Get('cases')
  @RequireRoles(...CITY_ROLES, ...DISTRICT_ROLES)
  @ApiOperation({ summary: '审批事项查询: every form of the caller’s district bureau; filter by type, status, text, date range' })
  list(@CurrentActor() actor: Actor, @Query() query: WorkflowCaseQueryDto): Promise<Page<WorkflowCaseSummary>> {
    return this.workflow.list(actor, query);
  }

  @Get('cases/:id')
  @RequireRoles(...WORKFLOW_PARTICIPANT_ROLES)
  @ApiOperation({ summary: '业务单详情: content (current and as first entered), attachments, 审批流程记录, and the actions the caller may take' })
  detail(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe) id: number): Promise<WorkflowCaseDetail> {
    return this.workflow.get(actor, id);
  }

  @Post('cases/:id/actions')
  @HttpCode(200)
  @RequireRoles(...WORKFLOW_PARTICIPANT_ROLES)
  @Audited('workflow.act', 'workflow_case')
  @ApiOperation({
    summary:
      '办理: SUBMIT / ACCEPT / PROPOSE_APPROVE / PROPOSE_REJECT / APPROVE / REJECT / RETURN_TO_PREVIOUS / RETURN_FOR_SUPPLEMENT / RESUBMIT / EDIT with the version last seen; 409 WORKFLOW_CONFLICT when someone else acted first',
  })
  act(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe) id: number, @Body() body: WorkflowActionDto): Promise<WorkflowCaseDetail> {
    return this.workflow.act(actor, id, body);
  }
}
