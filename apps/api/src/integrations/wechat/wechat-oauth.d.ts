/** The part of wechat-oauth 1.5.0 (callback API, ships no types) that the WeChat client uses. */
declare module 'wechat-oauth' {
  type Callback<T> = (error: (Error & { code?: number; name: string }) | null, result?: T) => void;

  namespace OAuth {
    /** what WeChat answered, plus `create_at` (ms) that the library adds before saving it */
    interface TokenData {
      openid: string;
      access_token?: string;
      refresh_token?: string;
      expires_in?: number;
      scope?: string;
      session_key?: string;
      unionid?: string;
      create_at: number;
    }
    interface AccessToken {
      data: TokenData;
      isValid(): boolean;
    }
    type GetToken = (openid: string, callback: Callback<TokenData | null>) => void;
    type SaveToken = (openid: string, token: TokenData, callback: (error: Error | null) => void) => void;
    type RequestCallback = (error: Error | null, data: unknown, response: unknown) => void;
  }

  class OAuth {
    constructor(appid: string, appsecret: string, getToken?: OAuth.GetToken, saveToken?: OAuth.SaveToken, isMiniProgram?: boolean);
    appid: string;
    setOpts(opts: Record<string, unknown>): void;
    /** every call to WeChat goes through here (urllib.request) */
    request(url: string, opts: Record<string, unknown>, callback: OAuth.RequestCallback): void;
    getAuthorizeURL(redirect: string, state?: string, scope?: 'snsapi_base' | 'snsapi_userinfo'): string;
    getAccessToken(code: string, callback: Callback<OAuth.AccessToken>): void;
    getSessionKey(code: string, callback: Callback<OAuth.AccessToken>): void;
    refreshAccessToken(refreshToken: string, callback: Callback<OAuth.AccessToken>): void;
  }

  export = OAuth;
}
