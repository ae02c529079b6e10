import { SmsSendError } from '../../integrations/sms/sms-provider';
import { WechatApiError, WechatUnavailableError } from '../../integrations/wechat/wechat.client';
import { classifyDeliveryError } from './delivery-errors';

describe('classifyDeliveryError', () => {
  it.each([
    [43101, 'user refuse to accept the msg'],
    [40003, 'invalid openid'],
    [43004, 'require subscribe'],
    [40037, 'invalid template_id'],
    [47003, 'argument invalid'],
  ])('WeChat errcode %i is permanent and keeps the errcode', (errcode, errmsg) => {
    expect(classifyDeliveryError(new WechatApiError(errcode, errmsg))).toMatchObject({ kind: 'permanent', errcode: String(errcode) });
  });

  it.each([-1, 45009, 45011, 40001, 42001, 99999])('WeChat errcode %i is transient (busy, quota, token, unknown)', (errcode) => {
    expect(classifyDeliveryError(new WechatApiError(errcode, 'x'))).toMatchObject({ kind: 'transient', errcode: String(errcode) });
  });

  it('network failures, 5xx and non-JSON answers are transient', () => {
    expect(classifyDeliveryError(new WechatUnavailableError('/cgi-bin/message/subscribe/send answered HTTP 502'))).toMatchObject({ kind: 'transient', errcode: null });
    expect(classifyDeliveryError(new TypeError('fetch failed'))).toMatchObject({ kind: 'transient' });
  });

  it('SMS: transport errors and flow control are transient, refusals permanent', () => {
    expect(classifyDeliveryError(new SmsSendError('unreachable', null)).kind).toBe('transient');
    expect(classifyDeliveryError(new SmsSendError('busy', 'InternalError.Timeout')).kind).toBe('transient');
    expect(classifyDeliveryError(new SmsSendError('30 s', 'LimitExceeded.PhoneNumberThirtySecondLimit')).kind).toBe('transient');
    expect(classifyDeliveryError(new SmsSendError('day', 'LimitExceeded.PhoneNumberDailyLimit'))).toMatchObject({ kind: 'permanent', errcode: 'LimitExceeded.PhoneNumberDailyLimit' });
    expect(classifyDeliveryError(new SmsSendError('bad number', 'InvalidParameterValue.IncorrectPhoneNumber')).kind).toBe('permanent');
  });
});
