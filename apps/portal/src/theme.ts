import type { ThemeConfig } from 'antd';

/**
 * The government blue of the platform. #1456a8 on white has a contrast of about 7:1, above WCAG AA's
 * 4.5:1 for text (antd's default #1677ff is 4.1:1 and too light for link text).
 */
export const PORTAL_THEME: ThemeConfig = {
  token: { colorPrimary: '#1456a8', colorLink: '#1456a8', borderRadius: 4 },
};
