import { SERVICE_EVALUATION_ERROR_MESSAGES, ServiceEvaluationErrorCode } from './service-evaluation';
import { DELEGATION_ERROR_MESSAGES, DelegationErrorCode } from './delegations';
import { CREDIT_ERROR_MESSAGES, CreditErrorCode } from './credit';
import { OBJECTION_ERROR_MESSAGES, ObjectionErrorCode } from './objections';
import { NOTICE_ERROR_MESSAGES, NoticeErrorCode } from './notices';
import { SAFETY_INSPECTION_ERROR_MESSAGES, SafetyInspectionErrorCode } from './safety-inspections';
import { NOTIFICATION_ERROR_MESSAGES, NotificationErrorCode } from './notifications';
import { FACILITY_ERROR_MESSAGES, FacilityErrorCode } from './facilities';
import { PROPERTY_AREA_ERROR_MESSAGES, PropertyAreaErrorCode } from './property-areas';
import { AREA_CHANGE_ERROR_MESSAGES, AreaChangeErrorCode } from './area-changes';
import { COMMON_FUND_ERROR_MESSAGES, CommonFundErrorCode } from './common-funds';
import { PRACTITIONER_ERROR_MESSAGES, PractitionerErrorCode } from './practitioners';
import { PARKING_ERROR_MESSAGES, ParkingErrorCode } from './parking';
import { DISPUTE_ERROR_MESSAGES, DisputeErrorCode } from './disputes';
import { OWNER_ERROR_MESSAGES, OwnerErrorCode } from './owners';
import { OWNER_EVALUATION_ERROR_MESSAGES, OwnerEvaluationErrorCode } from './owner-evaluations';
import { OWNER_DECISION_ERROR_MESSAGES, OwnerDecisionErrorCode } from './owner-decisions';
import { DOWNLOAD_ERROR_MESSAGES, DownloadErrorCode } from './downloads';

/**
 * Stable machine codes of every API error, with the Chinese message an officer reads.
 * Codes never change meaning; messages may be reworded.
 */
export enum CommonErrorCode {
  VALIDATION_FAILED = 'VALIDATION_FAILED',
  MALFORMED_BODY = 'MALFORMED_BODY',
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  TOKEN_EXPIRED = 'TOKEN_EXPIRED',
  FORBIDDEN = 'FORBIDDEN',
  MODULE_NOT_GRANTED = 'MODULE_NOT_GRANTED',
  OUT_OF_DISTRICT = 'OUT_OF_DISTRICT',
  NOT_FOUND = 'NOT_FOUND',
  CONFLICT = 'CONFLICT',
  PAYLOAD_TOO_LARGE = 'PAYLOAD_TOO_LARGE',
  UNSUPPORTED_CHARSET = 'UNSUPPORTED_CHARSET',
  RATE_LIMITED = 'RATE_LIMITED',
  INTERNAL_ERROR = 'INTERNAL_ERROR',
  SERVICE_UNAVAILABLE = 'SERVICE_UNAVAILABLE',
}

export enum AuthErrorCode {
  INVALID_CREDENTIALS = 'AUTH_INVALID_CREDENTIALS',
  ACCOUNT_LOCKED = 'AUTH_ACCOUNT_LOCKED',
  ACCOUNT_INACTIVE = 'AUTH_ACCOUNT_INACTIVE',
  INVALID_REFRESH_TOKEN = 'AUTH_INVALID_REFRESH_TOKEN',
  WEAK_PASSWORD = 'AUTH_WEAK_PASSWORD',
  WRONG_CURRENT_PASSWORD = 'AUTH_WRONG_CURRENT_PASSWORD',
  /** the password is the initial one (set by an admin) or older than PASSWORD_MAX_AGE_DAYS: only me, change-password, refresh and logout answer */
  PASSWORD_CHANGE_REQUIRED = 'AUTH_PASSWORD_CHANGE_REQUIRED',
  /** the new password is the current one */
  PASSWORD_UNCHANGED = 'AUTH_PASSWORD_UNCHANGED',
}

export enum IdentityErrorCode {
  PERSON_NOT_FOUND = 'IDENTITY_PERSON_NOT_FOUND',
  ALREADY_BOUND = 'IDENTITY_ALREADY_BOUND',
  WECHAT_ALREADY_BOUND = 'IDENTITY_WECHAT_ALREADY_BOUND',
  SMS_CODE_TOO_FREQUENT = 'IDENTITY_SMS_CODE_TOO_FREQUENT',
  SMS_CODE_INVALID = 'IDENTITY_SMS_CODE_INVALID',
  SMS_CODE_EXPIRED = 'IDENTITY_SMS_CODE_EXPIRED',
  SMS_CODE_LOCKED = 'IDENTITY_SMS_CODE_LOCKED',
  SMS_SEND_FAILED = 'IDENTITY_SMS_SEND_FAILED',
  BIND_TICKET_INVALID = 'IDENTITY_BIND_TICKET_INVALID',
  WECHAT_LOGIN_FAILED = 'IDENTITY_WECHAT_LOGIN_FAILED',
  WECHAT_NOT_CONFIGURED = 'IDENTITY_WECHAT_NOT_CONFIGURED',
  WECHAT_UNAVAILABLE = 'IDENTITY_WECHAT_UNAVAILABLE',
  NOT_BOUND = 'IDENTITY_NOT_BOUND',
  LOOKUP_LOCKED = 'IDENTITY_LOOKUP_LOCKED',
}

export enum PermissionsErrorCode {
  USERNAME_TAKEN = 'PERMISSIONS_USERNAME_TAKEN',
  PHONE_TAKEN = 'PERMISSIONS_PHONE_TAKEN',
  ROLE_NOT_ALLOWED = 'PERMISSIONS_ROLE_NOT_ALLOWED',
  GRANT_CITY_ONLY = 'PERMISSIONS_GRANT_CITY_ONLY',
  CANNOT_CHANGE_SELF = 'PERMISSIONS_CANNOT_CHANGE_SELF',
  UNIT_NOT_FOUND = 'PERMISSIONS_UNIT_NOT_FOUND',
}

export enum WorkflowErrorCode {
  FORM_TYPE_UNKNOWN = 'WORKFLOW_FORM_TYPE_UNKNOWN',
  WRONG_ORIGIN = 'WORKFLOW_WRONG_ORIGIN',
  ACTION_NOT_ALLOWED = 'WORKFLOW_ACTION_NOT_ALLOWED',
  CONFLICT = 'WORKFLOW_CONFLICT',
  NOT_YOUR_STEP = 'WORKFLOW_NOT_YOUR_STEP',
  SELF_REVIEW = 'WORKFLOW_SELF_REVIEW',
  NOT_ASSIGNED = 'WORKFLOW_NOT_ASSIGNED',
  NOT_FILER = 'WORKFLOW_NOT_FILER',
}

export enum AttachmentErrorCode {
  TOO_LARGE = 'ATTACHMENT_TOO_LARGE',
  TYPE_NOT_ALLOWED = 'ATTACHMENT_TYPE_NOT_ALLOWED',
  NOT_USABLE = 'ATTACHMENT_NOT_USABLE',
}

/** xlsx imports (template, export and import from one column specification per sheet) */
export enum XlsxImportErrorCode {
  FILE_TOO_LARGE = 'IMPORT_FILE_TOO_LARGE',
  NOT_XLSX = 'IMPORT_NOT_XLSX',
  TOO_MANY_ROWS = 'IMPORT_TOO_MANY_ROWS',
  HEADER_MISMATCH = 'IMPORT_HEADER_MISMATCH',
  ROWS_INVALID = 'IMPORT_ROWS_INVALID',
}

export type ErrorCode = CommonErrorCode | AuthErrorCode | IdentityErrorCode | PermissionsErrorCode | WorkflowErrorCode | AttachmentErrorCode | XlsxImportErrorCode | ServiceEvaluationErrorCode | DelegationErrorCode | CreditErrorCode | ObjectionErrorCode | NoticeErrorCode | SafetyInspectionErrorCode | NotificationErrorCode | PropertyAreaErrorCode | FacilityErrorCode | AreaChangeErrorCode | CommonFundErrorCode | PractitionerErrorCode | ParkingErrorCode | DisputeErrorCode | DownloadErrorCode | OwnerErrorCode | OwnerEvaluationErrorCode | OwnerDecisionErrorCode;

export const ERROR_MESSAGES: Record<ErrorCode, string> = {
  [CommonErrorCode.VALIDATION_FAILED]: '提交的信息有误，请检查标注的字段',
  [CommonErrorCode.MALFORMED_BODY]: '请求内容格式不正确，无法识别',
  [CommonErrorCode.UNAUTHENTICATED]: '请先登录',
  [CommonErrorCode.TOKEN_EXPIRED]: '登录已过期，请重新登录',
  [CommonErrorCode.FORBIDDEN]: '您没有执行此操作的权限',
  [CommonErrorCode.MODULE_NOT_GRANTED]: '您的账号未开通该模块的权限，请联系区局负责人或市局赋权',
  [CommonErrorCode.OUT_OF_DISTRICT]: '无权查看或操作其他行政区的数据',
  [CommonErrorCode.NOT_FOUND]: '记录不存在或已被删除',
  [CommonErrorCode.CONFLICT]: '数据已被他人修改，请刷新后重试',
  [CommonErrorCode.PAYLOAD_TOO_LARGE]: '提交的内容过大',
  [CommonErrorCode.UNSUPPORTED_CHARSET]: '请求内容须为 UTF-8 编码的 JSON',
  [CommonErrorCode.RATE_LIMITED]: '操作过于频繁，请稍后再试',
  [CommonErrorCode.INTERNAL_ERROR]: '系统繁忙，请稍后再试；如仍有问题请联系管理员并提供请求编号',
  [CommonErrorCode.SERVICE_UNAVAILABLE]: '服务暂时不可用，请稍后再试',
  [AuthErrorCode.INVALID_CREDENTIALS]: '用户名或密码错误',
  [AuthErrorCode.ACCOUNT_LOCKED]: '密码连续错误次数过多，账号已锁定15分钟，请稍后再试',
  [AuthErrorCode.ACCOUNT_INACTIVE]: '账号已停用或已注销，请联系区局负责人',
  [AuthErrorCode.INVALID_REFRESH_TOKEN]: '登录状态已失效，请重新登录',
  [AuthErrorCode.WEAK_PASSWORD]: '密码至少8位，且须包含大写字母、小写字母、数字、符号中的至少三类',
  [AuthErrorCode.WRONG_CURRENT_PASSWORD]: '原密码不正确',
  [AuthErrorCode.PASSWORD_CHANGE_REQUIRED]: '您的密码为初始密码或已过期，请先修改密码',
  [AuthErrorCode.PASSWORD_UNCHANGED]: '新密码不能与原密码相同',
  [IdentityErrorCode.PERSON_NOT_FOUND]: '未找到与所填姓名和手机号码相符的预设账号，请核对或联系区局负责人开通账号',
  [IdentityErrorCode.ALREADY_BOUND]: '该账号已绑定其他微信，请先在原微信中解绑',
  [IdentityErrorCode.WECHAT_ALREADY_BOUND]: '当前微信已绑定其他账号',
  [IdentityErrorCode.SMS_CODE_TOO_FREQUENT]: '验证码发送过于频繁，请60秒后再试',
  [IdentityErrorCode.SMS_CODE_INVALID]: '验证码不正确',
  [IdentityErrorCode.SMS_CODE_EXPIRED]: '验证码已过期，请重新获取',
  [IdentityErrorCode.SMS_CODE_LOCKED]: '验证码错误次数过多，已锁定，请30分钟后重新获取',
  [IdentityErrorCode.SMS_SEND_FAILED]: '短信发送失败，请稍后再试',
  [IdentityErrorCode.BIND_TICKET_INVALID]: '微信授权已失效，请重新进入页面',
  [IdentityErrorCode.WECHAT_LOGIN_FAILED]: '微信授权失败，请重新进入页面',
  [IdentityErrorCode.WECHAT_NOT_CONFIGURED]: '未配置微信公众号或小程序参数，请联系管理员',
  [IdentityErrorCode.WECHAT_UNAVAILABLE]: '暂时无法连接微信服务器，请稍后再试',
  [IdentityErrorCode.NOT_BOUND]: '该账号未绑定微信',
  [IdentityErrorCode.LOOKUP_LOCKED]: '姓名与手机号码核对失败次数过多，请30分钟后再试',
  [PermissionsErrorCode.USERNAME_TAKEN]: '用户名已被使用',
  [PermissionsErrorCode.PHONE_TAKEN]: '该手机号码已被其他账号使用',
  [PermissionsErrorCode.ROLE_NOT_ALLOWED]: '您不能创建或修改该角色的账号',
  [PermissionsErrorCode.GRANT_CITY_ONLY]: '该模块的权限需要市局相关负责人赋权',
  [PermissionsErrorCode.CANNOT_CHANGE_SELF]: '不能对自己的账号执行此操作',
  [PermissionsErrorCode.UNIT_NOT_FOUND]: '所选单位不存在或不在本区',
  [WorkflowErrorCode.FORM_TYPE_UNKNOWN]: '业务类型不存在',
  [WorkflowErrorCode.WRONG_ORIGIN]: '该业务类型不能以此方式发起',
  [WorkflowErrorCode.ACTION_NOT_ALLOWED]: '该业务单当前环节不能执行此操作，请刷新后查看',
  [WorkflowErrorCode.CONFLICT]: '该业务单已被他人处理，请刷新后重试',
  [WorkflowErrorCode.NOT_YOUR_STEP]: '您的角色不能办理该业务单的当前环节',
  [WorkflowErrorCode.SELF_REVIEW]: '录入（初审）该业务单的人员不能审核同一业务单',
  [WorkflowErrorCode.NOT_ASSIGNED]: '该业务单由其他经办人录入或受理，只能由其本人（或其委托的同事）办理',
  [WorkflowErrorCode.NOT_FILER]: '只有提出申请的单位可以补录并重新提交',
  [AttachmentErrorCode.TOO_LARGE]: '附件过大',
  [AttachmentErrorCode.TYPE_NOT_ALLOWED]: '附件类型不允许，只能上传图片、PDF或Office文档',
  [AttachmentErrorCode.NOT_USABLE]: '附件不存在，或不是您上传的，或已用于其他业务单',
  [XlsxImportErrorCode.FILE_TOO_LARGE]: '导入文件过大，请分批导入',
  [XlsxImportErrorCode.NOT_XLSX]: '只能导入Excel工作簿（.xlsx）文件，请在下载的模板中填写后上传',
  [XlsxImportErrorCode.TOO_MANY_ROWS]: '导入文件的数据行过多，请分批导入',
  [XlsxImportErrorCode.HEADER_MISMATCH]: '表头与导入模板不一致，请下载最新的模板填写',
  [XlsxImportErrorCode.ROWS_INVALID]: '导入文件中有错误的数据行，未导入任何数据；请改正后重新导入，或选择只导入正确的行',
  ...SERVICE_EVALUATION_ERROR_MESSAGES,
  ...DELEGATION_ERROR_MESSAGES,
  ...CREDIT_ERROR_MESSAGES,
  ...OBJECTION_ERROR_MESSAGES,
  ...NOTICE_ERROR_MESSAGES,
  ...SAFETY_INSPECTION_ERROR_MESSAGES,
  ...NOTIFICATION_ERROR_MESSAGES,
  ...FACILITY_ERROR_MESSAGES,
  ...PROPERTY_AREA_ERROR_MESSAGES,
  ...AREA_CHANGE_ERROR_MESSAGES,
  ...COMMON_FUND_ERROR_MESSAGES,
  ...PRACTITIONER_ERROR_MESSAGES,
  ...PARKING_ERROR_MESSAGES,
  ...DISPUTE_ERROR_MESSAGES,
  ...OWNER_ERROR_MESSAGES,
  ...OWNER_EVALUATION_ERROR_MESSAGES,
  ...OWNER_DECISION_ERROR_MESSAGES,
  ...DOWNLOAD_ERROR_MESSAGES,
};

/** The JSON body of every error response. */
export interface ApiErrorBody {
  statusCode: number;
  code: ErrorCode;
  message: string;
  requestId?: string;
  details?: FieldErrorDetail[] | Record<string, unknown>;
}

export interface FieldErrorDetail {
  field: string;
  message: string;
  constraint: string;
}
