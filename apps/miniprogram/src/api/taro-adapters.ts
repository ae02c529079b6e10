import Taro from '@tarojs/taro';
import { HttpResponse, Transport, Uploader, SyncStorage } from '@szpm/api-client';

/** Taro.request as the client's transport (wx.request in weapp, fetch in H5). */
export const taroTransport: Transport = async (request) => {
  const response = await Taro.request({
    url: request.url,
    method: request.method,
    header: request.headers,
    data: request.method === 'GET' ? undefined : request.body,
    dataType: 'json',
    timeout: 30_000,
  });
  return { status: response.statusCode, body: response.data } satisfies HttpResponse;
};

export const taroUploader: Uploader = async (request) => {
  const headers = { ...request.headers };
  delete headers['Content-Type'];
  const response = await Taro.uploadFile({ url: request.url, filePath: request.filePath, name: request.field, header: headers, fileName: request.fileName });
  return { status: response.statusCode, body: response.data };
};

export const taroStorage: SyncStorage = {
  get: (key) => Taro.getStorageSync(key),
  set: (key, value) => Taro.setStorageSync(key, value),
  remove: (key) => Taro.removeStorageSync(key),
};
