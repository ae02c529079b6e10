import {
  DISPUTE_DISPOSAL_LABELS,
  DISPUTE_OUTCOME_LABELS,
  DISPUTE_PARTY_KIND_LABELS,
  DISPUTE_SOURCE_LABELS,
  DISPUTE_URGENCY_LABELS,
  DisputeDisposal,
  DisputeOutcome,
  DisputePartyKind,
  DisputeSource,
  DisputeUrgency,
  PETITION_CATEGORY_LABELS,
  PETITION_FORM_LABELS,
  PetitionCategory,
  PetitionForm,
} from '@szpm/contract';
import { IsBoolean, IsEnum, IsInt, IsNotEmpty, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { choiceColumn, dateColumn, numberColumn, SheetSpec, textColumn, yesNoColumn } from '../../common/excel/xlsx-sheet';
import { IsCalendarDate } from '../../common/validation/calendar-date.validator';
import { DISPUTE_PHONE } from './dto/dispute.dto';

const labels = <V extends string>(map: Record<V, string>) => Object.entries(map).map(([value, label]) => [value as V, label as string] as const);
const TEXT_MAX = 1000;
const PHONE_MESSAGE = '须为手机号码或带区号的固定电话';

/** One finished case of 已办结台账 as a row: regions and catalogue entries by name, as officers keep them. */
export class DisputeImportRowDto {
  @IsString() @IsNotEmpty() @MaxLength(64) street: string;
  @IsString() @IsNotEmpty() @MaxLength(64) community: string;
  @IsString() @IsNotEmpty() @MaxLength(128) propertyArea: string;
  @IsOptional() @IsString() @MaxLength(255) address?: string;
  @IsString() @IsNotEmpty() @MaxLength(64) category: string;
  @IsString() @IsNotEmpty() @MaxLength(TEXT_MAX) summary: string;
  @IsString() @IsNotEmpty() @MaxLength(TEXT_MAX) demand: string;
  @IsInt() @Min(1) @Max(100_000) peopleCount: number;
  @IsEnum(DisputePartyKind) applicantKind: DisputePartyKind;
  @IsString() @IsNotEmpty() @MaxLength(64) applicantName: string;
  @IsOptional() @Matches(DISPUTE_PHONE, { message: `applicantPhone${PHONE_MESSAGE}` }) applicantPhone?: string;
  @IsEnum(DisputePartyKind) respondentKind: DisputePartyKind;
  @IsString() @IsNotEmpty() @MaxLength(64) respondentName: string;
  @IsOptional() @Matches(DISPUTE_PHONE, { message: `respondentPhone${PHONE_MESSAGE}` }) respondentPhone?: string;
  @IsEnum(DisputeSource) source: DisputeSource;
  @IsEnum(DisputeUrgency) urgency: DisputeUrgency;
  @IsOptional() @IsString() @MaxLength(64) petitionNo?: string;
  @IsOptional() @IsString() @MaxLength(64) petitioner?: string;
  @IsOptional() @Matches(DISPUTE_PHONE, { message: `petitionerPhone${PHONE_MESSAGE}` }) petitionerPhone?: string;
  @IsOptional() @IsEnum(PetitionForm) petitionForm?: PetitionForm;
  @IsOptional() @IsCalendarDate() petitionDate?: string;
  @IsOptional() @IsBoolean() petitionCollective?: boolean;
  @IsOptional() @IsEnum(PetitionCategory) petitionCategory?: PetitionCategory;
  @IsCalendarDate() enteredOn: string;
  @IsCalendarDate() deadline: string;
  @IsEnum(DisputeDisposal) disposal: DisputeDisposal;
  @IsEnum(DisputeOutcome) outcome: DisputeOutcome;
  @IsCalendarDate() repliedAt: string;
  @IsString() @IsNotEmpty() @MaxLength(TEXT_MAX) handlingNote: string;
  @IsOptional() @IsString() @MaxLength(TEXT_MAX) issues?: string;
  @IsCalendarDate() closedOn: string;
}

/**
 * 已办结台账导入: one row per finished case. Regions, 小区 and 问题分类 are written by name (the
 * names of the officer's own district); 信访信息 is optional, but once any of its cells is filled,
 * 信访人, 信访形式, 信访日期, 是否集体访 and 信访类别 are needed.
 */
export const DISPUTE_IMPORT_SHEET: SheetSpec<DisputeImportRowDto, DisputeImportRowDto> = {
  sheetName: '已办结台账',
  title: '纠纷化解台账（已办结）导入',
  rowDto: DisputeImportRowDto,
  columns: [
    textColumn('所属街道', 'street', { width: 14, hint: '必填：本区街道名称' }),
    textColumn('所属社区', 'community', { width: 14, hint: '必填：该街道的社区名称' }),
    textColumn('小区名称', 'propertyArea', { width: 22, hint: '必填：该社区的物业项目名称' }),
    textColumn('详细地址', 'address', { width: 22 }),
    textColumn('问题分类', 'category', { width: 18, hint: '必填：问题分类名称（纠纷化解台账的问题分类）' }),
    textColumn('纠纷简述', 'summary', { width: 40, hint: '必填，最多1000字' }),
    textColumn('诉求', 'demand', { width: 30, hint: '必填' }),
    numberColumn('涉及人数', 'peopleCount', { width: 8, hint: '必填，1 以上的整数' }),
    choiceColumn('申请方类型', 'applicantKind', labels(DISPUTE_PARTY_KIND_LABELS), { width: 12 }),
    textColumn('申请方', 'applicantName', { width: 14, hint: '必填' }),
    textColumn('申请方电话', 'applicantPhone', { width: 14 }),
    choiceColumn('被申请方类型', 'respondentKind', labels(DISPUTE_PARTY_KIND_LABELS), { width: 12 }),
    textColumn('被申请方', 'respondentName', { width: 14, hint: '必填' }),
    textColumn('被申请方电话', 'respondentPhone', { width: 14 }),
    choiceColumn('来源', 'source', labels(DISPUTE_SOURCE_LABELS), { width: 12 }),
    choiceColumn('紧急程度', 'urgency', labels(DISPUTE_URGENCY_LABELS), { width: 10, blank: DisputeUrgency.NORMAL, hint: '不填为“一般”' }),
    textColumn('信访件编号', 'petitionNo', { width: 16 }),
    textColumn('信访人', 'petitioner', { width: 12, hint: '有信访信息时必填' }),
    textColumn('信访人电话', 'petitionerPhone', { width: 14 }),
    choiceColumn('信访形式', 'petitionForm', labels(PETITION_FORM_LABELS), { width: 10 }),
    dateColumn('信访日期', 'petitionDate'),
    yesNoColumn('是否集体访', 'petitionCollective'),
    choiceColumn('信访类别', 'petitionCategory', labels(PETITION_CATEGORY_LABELS), { width: 12 }),
    dateColumn('录入日期', 'enteredOn', { hint: '必填：原台账的录入日期，不晚于今天' }),
    dateColumn('办理时限', 'deadline', { hint: '必填，不早于录入日期' }),
    choiceColumn('处置方式', 'disposal', labels(DISPUTE_DISPOSAL_LABELS), { width: 10 }),
    choiceColumn('处置情况', 'outcome', labels(DISPUTE_OUTCOME_LABELS), { width: 12 }),
    dateColumn('答复日期', 'repliedAt', { hint: '必填，不早于录入日期' }),
    textColumn('化解疏导情况', 'handlingNote', { width: 40, hint: '必填' }),
    textColumn('存在问题', 'issues', { width: 30 }),
    dateColumn('办结日期', 'closedOn', { hint: '必填，不早于答复日期，不晚于今天' }),
  ],
};

export const DISPUTE_IMPORT_COLUMN = Object.fromEntries(DISPUTE_IMPORT_SHEET.columns.map((c) => [c.key, c.header])) as Record<keyof DisputeImportRowDto, string>;
