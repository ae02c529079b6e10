export const DEMO_PASSWORD = 'Demo@2026';
export const DEMO_ACCOUNTS: Array<{ username: string }> = [];
