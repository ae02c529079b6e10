/** Queue names: one per kind of work, so each can be watched, rate-limited and scaled on its own. */
export enum QueueName {
  /** notification deliveries over WeChat (subscribe / template messages), one job per delivery; NOTIFY_WECHAT_RATE_PER_SECOND */
  NOTIFICATIONS = 'notifications',
  /** notification deliveries by SMS (the fallback channel); NOTIFY_SMS_RATE_PER_SECOND */
  SMS_NOTIFICATIONS = 'notifications-sms',
  SCHEDULED = 'scheduled',
}
