import { HttpStatus } from '@nestjs/common';
import { ParkingErrorCode } from '@szpm/contract';
import { defineErrors } from '../../common/errors/define-errors';

const STATUS: Record<ParkingErrorCode, HttpStatus> = {
  [ParkingErrorCode.LOCATION_SUM_MISMATCH]: HttpStatus.BAD_REQUEST,
  [ParkingErrorCode.RIGHTS_EXCEED_TOTAL]: HttpStatus.BAD_REQUEST,
  [ParkingErrorCode.CLASS_EXCEEDS_TOTAL]: HttpStatus.BAD_REQUEST,
  [ParkingErrorCode.DISPUTE_TYPE_REPEATED]: HttpStatus.BAD_REQUEST,
};

/** The field each code names by default; the rules name the exact one (parking-rules.ts). */
const FIELD: Partial<Record<ParkingErrorCode, string>> = {
  [ParkingErrorCode.LOCATION_SUM_MISMATCH]: 'total',
  [ParkingErrorCode.RIGHTS_EXCEED_TOTAL]: 'total',
  [ParkingErrorCode.CLASS_EXCEEDS_TOTAL]: 'total',
  [ParkingErrorCode.DISPUTE_TYPE_REPEATED]: 'disputes',
};

export class ParkingException extends defineErrors(STATUS, FIELD) {}
