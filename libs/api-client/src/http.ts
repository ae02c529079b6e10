export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface HttpRequest {
  method: HttpMethod;
  url: string;
  headers: Record<string, string>;
  body?: unknown;
}

export interface HttpResponse {
  status: number;
  body: unknown;
}

/** Sends one request; rejects only when no answer came (the network failed). */
export type Transport = (request: HttpRequest) => Promise<HttpResponse>;

export interface UploadRequest {
  url: string;
  headers: Record<string, string>;
  filePath: string;
  /** multipart field name */
  field: string;
  /** the name the server sees (H5: a picked file's blob address has none; the api checks the extension) */
  fileName?: string;
}

export type Uploader = (request: UploadRequest) => Promise<HttpResponse>;

export type QueryValue = string | number | boolean | null | undefined;

/** `?a=1&b=x` from the defined, non-empty values (lists' filters are mostly optional). */
export function toQueryString(query: Record<string, QueryValue> | undefined): string {
  if (!query) return '';
  const parts = Object.entries(query)
    .filter(([, value]) => value !== undefined && value !== null && value !== '')
    .map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(String(value))}`);
  return parts.length ? `?${parts.join('&')}` : '';
}
