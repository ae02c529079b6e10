/**
 * 纠纷化解台账 (chapter 22) on PC: the pure parts of the pages — the ledger query from the search
 * form, the entry form as the api takes it (and a case back into the form), the duplicate warning's
 * question and its debounce, and the detail's buttons from the case's allowedActions.
 */
import {
  DISPUTE_STATUS_LABELS,
  DISPUTE_STATUSES,
  DisputeLedger,
  DisputeSortKey,
  Role,
  WorkflowAction,
  WorkflowStatus,
  type DisputeAction,
  type DisputeDetail,
  type DisputeDisposal,
  type DisputeDuplicateQuery,
  type DisputeDuplicateResult,
  type DisputeInput,
  type DisputeLedgerQuery,
  type DisputeOutcome,
  type DisputePartyKind,
  type DisputeSource,
  type DisputeStatus,
  type DisputeUrgency,
  type PetitionCategory,
  type PetitionForm,
} from '@szpm/contract';

/** A date as a picker or a range field holds it: a dayjs value (anything with `format`) or the text already formatted. */
export type DateValue = string | { format(template: string): string } | null | undefined;

export const isoDate = (value: DateValue): string | undefined => {
  if (value === null || value === undefined || value === '') return undefined;
  return typeof value === 'string' ? value.slice(0, 10) : value.format('YYYY-MM-DD');
};

const text = (value: string | null | undefined): string | undefined => {
  const trimmed = (value ?? '').trim();
  return trimmed === '' ? undefined : trimmed;
};

const id = (value: unknown): number | undefined => {
  const n = Number(value);
  return value === undefined || value === null || value === '' || !Number.isSafeInteger(n) || n <= 0 ? undefined : n;
};

// ---------------------------------------------------------------------------------------------
// The ledgers

/** The ledger pages: their route and title. */
export const LEDGER_PATHS: Record<DisputeLedger, string> = {
  [DisputeLedger.UNFINISHED]: '/disputes/unfinished',
  [DisputeLedger.FINISHED]: '/disputes/finished',
  [DisputeLedger.ALL]: '/disputes/all',
};

/** What the search form holds (ProTable hands the values over as the fields keep them). */
export interface LedgerSearchValues {
  propertyAreaName?: string;
  disposal?: DisputeDisposal;
  outcome?: DisputeOutcome;
  handlingNote?: string;
  categoryId?: number | string;
  streetId?: number | string;
  communityId?: number | string;
  status?: DisputeStatus;
  /** 录入日期, 办理时限, 办结日期: [from, to] */
  entered?: [DateValue, DateValue];
  deadline?: [DateValue, DateValue];
  closed?: [DateValue, DateValue];
  /** 仅超期 */
  overdue?: boolean;
  /** 案结事未了 (回访) */
  followUp?: boolean;
}

/** The columns the table sorts by, as ProTable names them (the dataIndex), and the api's sort key. */
export const LEDGER_SORT_COLUMNS: Readonly<Record<string, DisputeSortKey>> = {
  enteredAt: DisputeSortKey.ENTERED_AT,
  deadline: DisputeSortKey.DEADLINE,
  closedAt: DisputeSortKey.CLOSED_AT,
};

export type TableSort = Record<string, 'ascend' | 'descend' | null | undefined>;

const range = (values: [DateValue, DateValue] | undefined): [string | undefined, string | undefined] => [isoDate(values?.[0]), isoDate(values?.[1])];

/**
 * GET /api/disputes's query from the ledger, the search form, the page and the column sorted by:
 * text trimmed, empty fields left out, dates as YYYY-MM-DD, the flags only when ticked.
 */
export function ledgerQuery(ledger: DisputeLedger, values: LedgerSearchValues, paging: { current?: number; pageSize?: number } = {}, sort: TableSort = {}): DisputeLedgerQuery {
  const [enteredFrom, enteredTo] = range(values.entered);
  const [deadlineFrom, deadlineTo] = range(values.deadline);
  const [closedFrom, closedTo] = range(values.closed);
  const sorted = Object.entries(sort).find(([column, order]) => order && LEDGER_SORT_COLUMNS[column]);
  const query: DisputeLedgerQuery = {
    ledger,
    propertyAreaName: text(values.propertyAreaName),
    disposal: values.disposal || undefined,
    outcome: values.outcome || undefined,
    handlingNote: text(values.handlingNote),
    categoryId: id(values.categoryId),
    streetId: id(values.streetId),
    communityId: id(values.communityId),
    status: values.status || undefined,
    enteredFrom,
    enteredTo,
    deadlineFrom,
    deadlineTo,
    closedFrom,
    closedTo,
    overdue: values.overdue ? true : undefined,
    followUp: values.followUp ? true : undefined,
    sort: sorted ? LEDGER_SORT_COLUMNS[sorted[0]] : undefined,
    order: sorted ? (sorted[1] === 'ascend' ? 'ASC' : 'DESC') : undefined,
    page: paging.current,
    pageSize: paging.pageSize,
  };
  return Object.fromEntries(Object.entries(query).filter(([, value]) => value !== undefined)) as DisputeLedgerQuery;
}

/** 导出 takes the ledger's filters and order, not the page being looked at. */
export function exportQuery(query: DisputeLedgerQuery): DisputeLedgerQuery {
  const { page: _page, pageSize: _pageSize, cursor: _cursor, ...filters } = query;
  return filters;
}

/** The statuses a ledger can hold (its 状态 filter); 已办结台账 holds only closed cases. */
export function ledgerStatuses(ledger: DisputeLedger): Array<{ value: DisputeStatus; label: string }> {
  const statuses = DISPUTE_STATUSES.filter((s) => (ledger === DisputeLedger.UNFINISHED ? s !== WorkflowStatus.APPROVED : ledger === DisputeLedger.FINISHED ? s === WorkflowStatus.APPROVED : true));
  return statuses.map((value) => ({ value, label: DISPUTE_STATUS_LABELS[value] }));
}

/** Which of the expanded filters a ledger offers: 仅超期 only where open cases are, 案结事未了 only where closed ones are. */
export function ledgerFilters(ledger: DisputeLedger): { status: boolean; overdue: boolean; followUp: boolean; closed: boolean } {
  return {
    status: ledger !== DisputeLedger.FINISHED,
    overdue: ledger !== DisputeLedger.FINISHED,
    followUp: ledger !== DisputeLedger.UNFINISHED,
    closed: ledger !== DisputeLedger.UNFINISHED,
  };
}

/** 录入 on the ledger's toolbar: district officers who may operate, on 未办结台账 and 总台账 (已办结台账 holds closed cases only). */
export function mayEnter(ledger: DisputeLedger, actor: { districtOfficer: boolean; operate: boolean }): boolean {
  return actor.districtOfficer && actor.operate && ledger !== DisputeLedger.FINISHED;
}

/** Who the api lets import 已办结台账 (the district's handler and supervisor; a street office never). */
const IMPORT_ROLES: readonly Role[] = [Role.DISTRICT_HANDLER, Role.DISTRICT_SUPERVISOR];

/** 导入 (and its 下载模板) on the toolbar of 已办结台账 only: the import enters finished cases. */
export function mayImport(ledger: DisputeLedger, actor: { role: Role | undefined; operate: boolean }): boolean {
  return ledger === DisputeLedger.FINISHED && actor.operate && actor.role !== undefined && IMPORT_ROLES.includes(actor.role);
}

export const overdueText = (overdue: number): string => `超期 ${overdue} 件`;

// ---------------------------------------------------------------------------------------------
// 录入 / 修改

export interface PartyFormValues {
  kind?: DisputePartyKind;
  name?: string;
  phone?: string;
}

export interface PetitionFormValues {
  petitionNo?: string;
  petitioner?: string;
  phone?: string;
  form?: PetitionForm;
  date?: DateValue;
  collective?: boolean;
  category?: PetitionCategory;
}

/** The entry form's values (the form has checked the required ones before they become a request). */
export interface EntryFormValues {
  streetId?: number;
  communityId?: number;
  propertyAreaId?: number;
  address?: string;
  categoryId?: number;
  summary?: string;
  demand?: string;
  peopleCount?: number;
  applicant?: PartyFormValues;
  respondent?: PartyFormValues;
  source?: DisputeSource;
  urgency?: DisputeUrgency;
  /** the 信访信息 switch */
  hasPetition?: boolean;
  petition?: PetitionFormValues;
  deadline?: DateValue;
  attachmentIds?: number[];
}

const party = (values: PartyFormValues | undefined) => ({ kind: values?.kind as DisputePartyKind, name: text(values?.name) ?? '', phone: text(values?.phone) ?? null });

/** POST /api/disputes's body (PATCH's with the version): text trimmed, empty optional fields as null, 信访信息 only when switched on. */
export function entryRequest(values: EntryFormValues): DisputeInput {
  const petition = values.petition;
  return {
    streetId: values.streetId as number,
    communityId: values.communityId as number,
    propertyAreaId: values.propertyAreaId as number,
    address: text(values.address) ?? null,
    categoryId: values.categoryId as number,
    summary: text(values.summary) ?? '',
    demand: text(values.demand) ?? '',
    peopleCount: Number(values.peopleCount),
    applicant: party(values.applicant),
    respondent: party(values.respondent),
    source: values.source as DisputeSource,
    urgency: values.urgency as DisputeUrgency,
    petition: values.hasPetition
      ? {
          petitionNo: text(petition?.petitionNo) ?? null,
          petitioner: text(petition?.petitioner) ?? '',
          phone: text(petition?.phone) ?? null,
          form: petition?.form as PetitionForm,
          date: isoDate(petition?.date) ?? '',
          collective: Boolean(petition?.collective),
          category: petition?.category as PetitionCategory,
        }
      : null,
    ...(isoDate(values.deadline) ? { deadline: isoDate(values.deadline) } : {}),
    attachmentIds: values.attachmentIds ?? [],
  };
}

/** A case back into the entry form (修改). */
export function entryFormValues(detail: DisputeDetail): EntryFormValues {
  const partyValues = (p: DisputeDetail['applicant']): PartyFormValues => ({ kind: p.kind, name: p.name, phone: p.phone ?? undefined });
  return {
    streetId: detail.streetId,
    communityId: detail.communityId,
    propertyAreaId: detail.propertyAreaId,
    address: detail.address ?? undefined,
    categoryId: detail.categoryId,
    summary: detail.summary,
    demand: detail.demand,
    peopleCount: detail.peopleCount,
    applicant: partyValues(detail.applicant),
    respondent: partyValues(detail.respondent),
    source: detail.source,
    urgency: detail.urgency,
    hasPetition: detail.petition !== null,
    petition: detail.petition
      ? {
          petitionNo: detail.petition.petitionNo ?? undefined,
          petitioner: detail.petition.petitioner,
          phone: detail.petition.phone ?? undefined,
          form: detail.petition.form,
          date: detail.petition.date,
          collective: detail.petition.collective,
          category: detail.petition.category,
        }
      : undefined,
    deadline: detail.deadline,
    attachmentIds: detail.attachments.map((a) => a.id),
  };
}

/** A field path of the api's 400 details ("applicant.name", "attachmentIds.0") as the form names it. */
export function formFieldPath(field: string): Array<string | number> {
  const parts = field.split(/[.[\]]+/).filter(Boolean);
  // a list's element is reported on the list's own field (the upload control)
  const index = parts.findIndex((p) => /^\d+$/.test(p));
  return index === -1 ? parts : parts.slice(0, index);
}

// ---------------------------------------------------------------------------------------------
// The duplicate warning

/** The fewest characters of 纠纷简述 worth comparing, and the shortest phone worth matching. */
export const DUPLICATE_SUMMARY_MIN_CHARS = 6;
export const DUPLICATE_PHONE_MIN_DIGITS = 7;
export const DUPLICATE_DEBOUNCE_MS = 400;

/**
 * GET /api/disputes/duplicates's question from what the form has so far, or null while nothing
 * could match an earlier case yet (小区 and 问题分类 together, the 信访人电话, or enough of the 纠纷简述).
 */
export function duplicateQuery(values: EntryFormValues, excludeId?: number): DisputeDuplicateQuery | null {
  const propertyAreaId = id(values.propertyAreaId);
  const categoryId = id(values.categoryId);
  const phone = values.hasPetition ? text(values.petition?.phone) : undefined;
  const petitionerPhone = phone && phone.replace(/\D/g, '').length >= DUPLICATE_PHONE_MIN_DIGITS ? phone : undefined;
  const summary = text(values.summary);
  const comparableSummary = summary && [...summary].length >= DUPLICATE_SUMMARY_MIN_CHARS ? summary : undefined;
  if (!(propertyAreaId && categoryId) && !petitionerPhone && !comparableSummary) return null;
  const query: DisputeDuplicateQuery = { propertyAreaId, categoryId, petitionerPhone, summary: comparableSummary, excludeId };
  return Object.fromEntries(Object.entries(query).filter(([, v]) => v !== undefined)) as DisputeDuplicateQuery;
}

export interface Timers {
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const realTimers: Timers = { setTimeout: (run, ms) => setTimeout(run, ms), clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>) };

/**
 * The duplicate warning's debounce: `update` with every change of the form; the question is asked
 * once the form has been still for `delayMs` and only when it differs from the one last asked; an
 * answer that arrives after the form changed again is dropped. `show` receives the answer to show,
 * or null (nothing to warn about). A failed check shows nothing: the warning never blocks saving.
 */
export function duplicateWatch(check: (query: DisputeDuplicateQuery) => Promise<DisputeDuplicateResult>, show: (result: DisputeDuplicateResult | null) => void, delayMs = DUPLICATE_DEBOUNCE_MS, timers: Timers = realTimers) {
  let wanted: string | null = null;
  let timer: unknown = null;
  const cancel = () => {
    if (timer !== null) timers.clearTimeout(timer);
    timer = null;
  };
  return {
    update(values: EntryFormValues, excludeId?: number) {
      const query = duplicateQuery(values, excludeId);
      const key = query ? JSON.stringify(query) : null;
      if (key === wanted) return;
      wanted = key;
      cancel();
      if (!query) {
        show(null);
        return;
      }
      timer = timers.setTimeout(() => {
        timer = null;
        check(query).then(
          (result) => wanted === key && show(result.duplicate ? result : null),
          () => wanted === key && show(null),
        );
      }, delayMs);
    },
    dispose() {
      cancel();
      wanted = null;
    },
  };
}

// ---------------------------------------------------------------------------------------------
// The detail's buttons

export type DetailButtonKey = 'transfer' | 'handle' | 'review' | 'edit' | 'return';

export interface DetailButton {
  key: DetailButtonKey;
  label: string;
}

/** The buttons in their order, each with the actions that show it (审核 stands for both of its decisions). */
const BUTTONS: ReadonlyArray<{ key: DetailButtonKey; label: string; actions: readonly DisputeAction[] }> = [
  { key: 'transfer', label: '转办', actions: [WorkflowAction.TRANSFER] },
  { key: 'handle', label: '处理', actions: [WorkflowAction.HANDLE] },
  { key: 'review', label: '审核', actions: [WorkflowAction.SEND_BACK, WorkflowAction.APPROVE_CLOSE] },
  { key: 'edit', label: '修改', actions: [WorkflowAction.EDIT] },
  { key: 'return', label: '退回区局', actions: [WorkflowAction.RETURN_TO_PREVIOUS] },
];

/** The detail's buttons: those the api allows this viewer (DisputeDetail.allowedActions). */
export function detailButtons(allowedActions: readonly DisputeAction[]): DetailButton[] {
  return BUTTONS.filter((b) => b.actions.some((a) => allowedActions.includes(a))).map(({ key, label }) => ({ key, label }));
}

/** 审核's decisions the viewer may take, 驳回重报 first. */
export function reviewDecisions(allowedActions: readonly DisputeAction[]): Array<WorkflowAction.SEND_BACK | WorkflowAction.APPROVE_CLOSE> {
  return ([WorkflowAction.SEND_BACK, WorkflowAction.APPROVE_CLOSE] as const).filter((a) => allowedActions.includes(a));
}

/** 处理's submit: 办结 by the street office a case was transferred to, 申请办结 when the district handles it itself. */
export const handleSubmitLabel = (detail: Pick<DisputeDetail, 'withStreet'>): string => (detail.withStreet ? '办结' : '申请办结');

export const transferConfirmText = (detail: Pick<DisputeDetail, 'streetName'>): string => `确定转办至${detail.streetName}?`;
