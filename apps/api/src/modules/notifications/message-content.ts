import { CAMPAIGN_KIND_LABELS, CampaignKind } from '@szpm/contract';
import { MessageFieldSource, WechatMessageTemplate } from '../../config/app-config';
import { TemplateData } from '../../integrations/wechat/wechat-message.client';

/** The parts of a campaign that go into a WeChat or SMS message. */
export interface MessageSource {
  kind: CampaignKind;
  title: string;
  content: string;
  senderName: string | null;
  createdAt: Date;
}

const DEFAULT_SENDER = '深圳市住房和建设局';

/**
 * WeChat's limits per keyword type (characters); a longer value makes the whole send fail with
 * 47003, so values are cut to fit. time/date keywords take a formatted time and are not cut.
 */
const LIMITS: Array<[RegExp, number]> = [
  [/^thing\d+$/, 20],
  [/^name\d+$/, 10],
  [/^phrase\d+$/, 5],
  [/^(character_string|number|letter|amount|car_number)\d+$/, 32],
  [/^symbol\d+$/, 5],
];

export function fieldValue(source: MessageFieldSource, message: MessageSource): string {
  switch (source) {
    case 'title':
      return message.title;
    case 'content':
      return message.content;
    case 'sender':
      return message.senderName || DEFAULT_SENDER;
    case 'kind':
      return CAMPAIGN_KIND_LABELS[message.kind] ?? message.kind;
    case 'sentAt':
      return shanghaiTime(message.createdAt);
  }
}

export function fitToKeyword(key: string, value: string): string {
  if (/^(time|date)\d+$/.test(key)) return value;
  const limit = LIMITS.find(([pattern]) => pattern.test(key))?.[1] ?? 20;
  const chars = [...value.replace(/\s+/g, ' ').trim()];
  return chars.length <= limit ? chars.join('') : `${chars.slice(0, limit - 1).join('')}…`;
}

export function templateData(template: WechatMessageTemplate, message: MessageSource): TemplateData {
  const data: TemplateData = {};
  for (const { key, source } of template.fields) data[key] = { value: fitToKeyword(key, fieldValue(source, message)) };
  return data;
}

/** The notification SMS template's parameters: {1} who sent it, {2} its title (Tencent caps a variable's length). */
export function smsParams(message: MessageSource): string[] {
  return [fitToKeyword('thing1', fieldValue('sender', message)), fitToKeyword('thing2', message.title)];
}

/** `YYYY-MM-DD HH:mm` in China Standard Time (UTC+8, no daylight saving), as WeChat's time keywords expect. */
export function shanghaiTime(date: Date): string {
  const local = new Date(date.getTime() + 8 * 3600_000);
  return local.toISOString().slice(0, 16).replace('T', ' ');
}

/** A mini-program page path as WeChat wants it: no leading slash. */
export function miniPage(link: string | null): string | undefined {
  return link ? link.replace(/^\/+/, '') : undefined;
}
