import { HttpStatus } from '@nestjs/common';
import { CreditErrorCode } from '@szpm/contract';
import { AppException } from '../../common/errors/app.exception';

const FIELD: Record<CreditErrorCode, string> = {
  [CreditErrorCode.RECORD_DATE_IN_FUTURE]: 'recordDate',
  [CreditErrorCode.VALID_UNTIL_BEFORE_RECORD_DATE]: 'validUntil',
};

/** Every credit rule is about one field of the request: a 400 naming it. */
export class CreditException extends AppException {
  constructor(code: CreditErrorCode) {
    const message = new AppException(code, HttpStatus.BAD_REQUEST).message;
    super(code, HttpStatus.BAD_REQUEST, message, [{ field: FIELD[code], message, constraint: 'rule' }]);
  }
}
