import { useState } from 'react';
import { api } from '../api';

/**
 * The code the development SMS provider sent to a phone, shown beside the field in the H5 build
 * (embedded mode: the outbox answers; anywhere else it is a 404 and nothing shows).
 */
export function useDevSmsCode(): { devCode: string | null; showDevCode: (phone: string) => void } {
  const [devCode, setDevCode] = useState<string | null>(null);
  const showDevCode = (phone: string) => {
    if (process.env.TARO_ENV !== 'h5') return;
    api.identity.devSmsOutbox(phone).then(
      ([latest]) => setDevCode(latest?.code ?? null),
      () => setDevCode(null),
    );
  };
  return { devCode, showDevCode };
}
