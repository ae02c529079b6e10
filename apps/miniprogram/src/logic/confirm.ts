/** The words of a confirm-then-act dialog: the question, what will happen, and the button that does it. */
export interface ConfirmWords {
  title: string;
  content: string;
  confirmText: string;
}

/** 退出登录: what the officer will have to do next. */
export function signOutConfirmation(): ConfirmWords {
  return { title: '退出登录', content: '退出后需重新登录才能查看和办理事项。', confirmText: '退出登录' };
}

/** 解绑微信: the WeChat sign-in stops until the identity is verified again. */
export function unbindWechatConfirmation(): ConfirmWords {
  return { title: '解绑微信', content: '解绑后将不能再用本微信直接登录，需重新进行身份认证。', confirmText: '解绑' };
}
