import { HttpStatus } from '@nestjs/common';
import { OwnerDecisionErrorCode } from '@szpm/contract';
import { defineErrors } from '../../common/errors/define-errors';

const C = OwnerDecisionErrorCode;

const STATUS: Record<OwnerDecisionErrorCode, HttpStatus> = {
  [C.NOT_CONVENER]: HttpStatus.FORBIDDEN,
  [C.CONVENER_MISMATCH]: HttpStatus.BAD_REQUEST,
  [C.END_BEFORE_BEGIN]: HttpStatus.BAD_REQUEST,
  [C.NO_TOPICS]: HttpStatus.BAD_REQUEST,
  [C.BUILDINGS_REQUIRED]: HttpStatus.BAD_REQUEST,
  [C.BUILDING_NOT_OF_AREA]: HttpStatus.BAD_REQUEST,
  [C.WRONG_STATE]: HttpStatus.CONFLICT,
  [C.NOT_CHECKER]: HttpStatus.FORBIDDEN,
  [C.NOTE_REQUIRED]: HttpStatus.BAD_REQUEST,
  [C.ALREADY_EXTENDED]: HttpStatus.CONFLICT,
  [C.EXTENSION_NOT_LATER]: HttpStatus.BAD_REQUEST,
  [C.VOTING_CLOSED]: HttpStatus.CONFLICT,
  [C.HOUSE_OUTSIDE_SCOPE]: HttpStatus.BAD_REQUEST,
  [C.ALREADY_VOTED]: HttpStatus.CONFLICT,
  [C.TOPICS_INCOMPLETE]: HttpStatus.BAD_REQUEST,
  [C.PAPER_ROW_OUTSIDE_SCOPE]: HttpStatus.BAD_REQUEST,
  [C.PAPER_ROW_DUPLICATE]: HttpStatus.BAD_REQUEST,
  [C.SCOPE_NOT_COUNTABLE]: HttpStatus.CONFLICT,
};

const FIELD: Partial<Record<OwnerDecisionErrorCode, string>> = {
  [C.CONVENER_MISMATCH]: 'convener',
  [C.END_BEFORE_BEGIN]: 'endAt',
  [C.NO_TOPICS]: 'topics',
  [C.BUILDINGS_REQUIRED]: 'buildingIds',
  [C.BUILDING_NOT_OF_AREA]: 'buildingIds',
  [C.NOTE_REQUIRED]: 'note',
  [C.EXTENSION_NOT_LATER]: 'endAt',
  [C.HOUSE_OUTSIDE_SCOPE]: 'houseId',
  [C.TOPICS_INCOMPLETE]: 'choices',
  [C.PAPER_ROW_OUTSIDE_SCOPE]: 'rows',
  [C.PAPER_ROW_DUPLICATE]: 'rows',
};

export class OwnerDecisionException extends defineErrors(STATUS, FIELD) {}
