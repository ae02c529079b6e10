import { WorkflowAction } from '@szpm/contract';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { WorkflowActionDto } from './workflow-action.dto';

const errorsOf = (body: object) => validateSync(plainToInstance(WorkflowActionDto, body)).map((e) => e.property);

describe('WorkflowActionDto: the reason of 不同意 and 退回', () => {
  it.each([WorkflowAction.REJECT, WorkflowAction.RETURN_TO_PREVIOUS, WorkflowAction.RETURN_FOR_SUPPLEMENT, WorkflowAction.PROPOSE_REJECT, WorkflowAction.SEND_BACK])(
    '%s is refused without an opinion, and with an empty one',
    (action) => {
      expect(errorsOf({ action, version: 2 })).toEqual(['opinion']);
      expect(errorsOf({ action, version: 2, opinion: null })).toEqual(['opinion']);
      expect(errorsOf({ action, version: 2, opinion: '' })).toEqual(['opinion']);
      expect(errorsOf({ action, version: 2, opinion: '证据不足，请补充现场照片' })).toEqual([]);
    },
  );

  it('lets the actions that decide nothing go without one', () => {
    expect(errorsOf({ action: WorkflowAction.ACCEPT, version: 1 })).toEqual([]);
    expect(errorsOf({ action: WorkflowAction.SUBMIT, version: 3 })).toEqual([]);
  });
});
