/**
 * Files between the browser and the api: multipart uploads of a picked File, and downloads that keep
 * the server's file name. Both go through the client's session handling (refresh, session end).
 */
import { toQueryString, type HttpResponse, type QueryValue } from '@szpm/api-client';
import { message } from 'antd';
import { apiClient } from './api';
import { fileNameOf } from './logic/transfer';

/** How long a download may take before the officer is told it is being prepared. */
export const DOWNLOAD_PROGRESS_AFTER_MS = 1000;

/** Uploads one file as multipart field `file` and answers the api's JSON (e.g. an attachment). */
export async function uploadFile<T>(path: string, file: File): Promise<T> {
  const response = await apiClient.exchange(async (headers) => {
    const form = new FormData();
    form.append('file', file, file.name);
    const answer = await fetch(apiClient.baseUrl + path, { method: 'POST', headers, body: form, credentials: 'same-origin' });
    return { status: answer.status, body: await answer.text() } satisfies HttpResponse;
  });
  return (typeof response.body === 'string' && response.body ? JSON.parse(response.body) : response.body) as T;
}

/**
 * Downloads a file the api generates (an xlsx export) under the name the server gave it
 * (Content-Disposition). Anything slower than a second shows 「正在生成…」 until the file arrives.
 */
export async function downloadFile(path: string, query: Record<string, QueryValue> = {}, fallbackName = '导出.xlsx'): Promise<string> {
  const key = `download:${path}`;
  const progress = setTimeout(() => void message.loading({ key, content: '正在生成文件，请稍候…', duration: 0 }), DOWNLOAD_PROGRESS_AFTER_MS);
  try {
    const response = await apiClient.exchange(async (headers) => {
      const answer = await fetch(apiClient.baseUrl + path + toQueryString(query), { headers, credentials: 'same-origin' });
      const ok = answer.status >= 200 && answer.status < 300;
      return { status: answer.status, body: ok ? await answer.blob() : await answer.text(), disposition: answer.headers.get('content-disposition') };
    });
    const name = fileNameOf(response.disposition, fallbackName);
    const url = URL.createObjectURL(response.body as Blob);
    const link = document.createElement('a');
    link.href = url;
    link.download = name;
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    return name;
  } finally {
    clearTimeout(progress);
    message.destroy(key);
  }
}
