import Taro from '@tarojs/taro';
import { api, apiClient } from '../api';
import { ApiError } from '@szpm/api-client';

/**
 * Opens a file the api makes (an xlsx ledger): weapp downloads it and opens it with the document
 * viewer; H5 saves it through the browser. The session is checked first so that an expired access
 * token is refreshed before the platform's own request.
 */
export async function openApiFile(path: string, fileName: string): Promise<void> {
  await api.auth.me();
  const url = apiClient.baseUrl + path;
  if (process.env.TARO_ENV === 'h5') {
    const response = await fetch(url, { headers: apiClient.authHeaders() });
    if (!response.ok) throw ApiError.fromResponse(response.status, await response.json().catch(() => null));
    const href = URL.createObjectURL(await response.blob());
    const link = document.createElement('a');
    link.href = href;
    link.download = fileName;
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(href), 10_000);
    return;
  }
  const downloaded = await Taro.downloadFile({ url, header: apiClient.authHeaders() });
  if (downloaded.statusCode !== 200) throw ApiError.fromResponse(downloaded.statusCode, null);
  await Taro.openDocument({ filePath: downloaded.tempFilePath, fileType: 'xlsx', showMenu: true });
}
