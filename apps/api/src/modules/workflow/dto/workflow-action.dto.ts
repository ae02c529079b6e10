import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { OPINION_REQUIRED_ACTIONS, WorkflowAction, WorkflowActionRequest } from '@szpm/contract';
import { ArrayMaxSize, ArrayUnique, IsArray, IsIn, IsInt, IsNotEmpty, IsObject, IsOptional, IsString, MaxLength, Min, ValidateIf } from 'class-validator';
import { MAX_ATTACHMENTS_PER_ACTION } from '../attachments/attachments.service';

/** CREATE happens when a form is started or filed, never through this endpoint. */
export const ACTIONABLE_ACTIONS = Object.values(WorkflowAction).filter((a) => a !== WorkflowAction.CREATE);

export class WorkflowActionDto implements WorkflowActionRequest {
  @ApiProperty({ enum: ACTIONABLE_ACTIONS, description: 'see allowedActions of the case detail' })
  @IsIn(ACTIONABLE_ACTIONS)
  action: WorkflowAction;

  @ApiProperty({ description: 'the version of the case the caller saw (optimistic locking)', minimum: 1 })
  @IsInt()
  @Min(1)
  version: number;

  @ApiPropertyOptional({ type: String, nullable: true, description: `审批意见; required for ${OPINION_REQUIRED_ACTIONS.join(', ')}`, maxLength: 500 })
  @ValidateIf((o: WorkflowActionDto) => OPINION_REQUIRED_ACTIONS.includes(o.action) || (o.opinion !== undefined && o.opinion !== null))
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  opinion?: string;

  @ApiPropertyOptional({ description: '意见备注', maxLength: 1000 })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  remark?: string;

  @ApiPropertyOptional({ type: [Number], description: 'ids from POST /api/attachments' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_ATTACHMENTS_PER_ACTION)
  @ArrayUnique()
  @IsInt({ each: true })
  @Min(1, { each: true })
  attachmentIds?: number[];

  @ApiPropertyOptional({ description: '转办 (TRANSFER) only, and required there: the street office that takes the case on (a street of the district of the case)', minimum: 1 })
  @ValidateIf((o: WorkflowActionDto) => o.action === WorkflowAction.TRANSFER || o.streetId !== undefined)
  @IsInt()
  @Min(1)
  streetId?: number;

  @ApiPropertyOptional({ type: 'object', additionalProperties: true, description: "the form's changed content (validated by the form type)" })
  @IsOptional()
  @IsObject()
  payload?: Record<string, unknown>;
}
