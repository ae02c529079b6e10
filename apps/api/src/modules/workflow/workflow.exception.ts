import { HttpStatus } from '@nestjs/common';
import { AttachmentErrorCode, WorkflowErrorCode } from '@szpm/contract';
import { defineErrors } from '../../common/errors/define-errors';
import { TransitionRefusal } from './workflow-transitions';

const STATUS: Record<WorkflowErrorCode | AttachmentErrorCode, HttpStatus> = {
  [WorkflowErrorCode.FORM_TYPE_UNKNOWN]: HttpStatus.BAD_REQUEST,
  [WorkflowErrorCode.WRONG_ORIGIN]: HttpStatus.BAD_REQUEST,
  [WorkflowErrorCode.ACTION_NOT_ALLOWED]: HttpStatus.CONFLICT,
  [WorkflowErrorCode.CONFLICT]: HttpStatus.CONFLICT,
  [WorkflowErrorCode.NOT_YOUR_STEP]: HttpStatus.FORBIDDEN,
  [WorkflowErrorCode.SELF_REVIEW]: HttpStatus.FORBIDDEN,
  [WorkflowErrorCode.NOT_ASSIGNED]: HttpStatus.FORBIDDEN,
  [WorkflowErrorCode.NOT_FILER]: HttpStatus.FORBIDDEN,
  [AttachmentErrorCode.TOO_LARGE]: HttpStatus.PAYLOAD_TOO_LARGE,
  [AttachmentErrorCode.TYPE_NOT_ALLOWED]: HttpStatus.UNSUPPORTED_MEDIA_TYPE,
  [AttachmentErrorCode.NOT_USABLE]: HttpStatus.BAD_REQUEST,
};

export class WorkflowException extends defineErrors(STATUS) {
  static fromRefusal(refusal: TransitionRefusal, details: Record<string, unknown>): WorkflowException {
    const code: Record<TransitionRefusal, WorkflowErrorCode> = {
      NOT_IN_THIS_STATUS: WorkflowErrorCode.ACTION_NOT_ALLOWED,
      NOT_YOUR_STEP: WorkflowErrorCode.NOT_YOUR_STEP,
      SELF_REVIEW: WorkflowErrorCode.SELF_REVIEW,
      NOT_ASSIGNED: WorkflowErrorCode.NOT_ASSIGNED,
      NOT_FILER: WorkflowErrorCode.NOT_FILER,
    };
    return new WorkflowException(code[refusal], { details });
  }
}
