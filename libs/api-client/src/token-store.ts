import { TokenPair } from '@szpm/contract';

/** Where the session's tokens live (Taro storage in the app, memory in tests). */
export interface TokenStore {
  get(): TokenPair | null;
  set(tokens: TokenPair | null): void;
}

export function memoryTokenStore(initial: TokenPair | null = null): TokenStore {
  let tokens = initial;
  return {
    get: () => tokens,
    set: (next) => {
      tokens = next;
    },
  };
}

/** A key-value storage like Taro's getStorageSync / setStorageSync. */
export interface SyncStorage {
  get(key: string): unknown;
  set(key: string, value: unknown): void;
  remove(key: string): void;
}

const TOKENS_KEY = 'szpm.tokens';

export function storageTokenStore(storage: SyncStorage): TokenStore {
  return {
    get() {
      const value = storage.get(TOKENS_KEY) as TokenPair | '' | undefined;
      return value && typeof value === 'object' && value.accessToken && value.refreshToken ? value : null;
    },
    set(tokens) {
      if (tokens) storage.set(TOKENS_KEY, tokens);
      else storage.remove(TOKENS_KEY);
    },
  };
}

const OWNER_TOKEN_KEY = 'szpm.ownerToken';

/**
 * The owner's session (我的小区) beside an officer's: an access token only, kept under its own key.
 * It has no refresh token: when it expires the owner's pages sign in with WeChat again.
 */
export function ownerTokenStore(storage: SyncStorage): TokenStore {
  return {
    get() {
      const value = storage.get(OWNER_TOKEN_KEY);
      return typeof value === 'string' && value ? { accessToken: value, refreshToken: '', expiresIn: 0 } : null;
    },
    set(tokens) {
      if (tokens) storage.set(OWNER_TOKEN_KEY, tokens.accessToken);
      else storage.remove(OWNER_TOKEN_KEY);
    },
  };
}
