import Taro from '@tarojs/taro';
import { errorMessage } from '@szpm/api-client';

/** A short message at the bottom of the screen (long ones stay longer). */
export function toast(message: string): void {
  void Taro.showToast({ title: message, icon: 'none', duration: message.length > 14 ? 3000 : 2000 });
}

export function toastSuccess(message: string): void {
  void Taro.showToast({ title: message, icon: 'success', duration: 1500 });
}

/** The api's Chinese message for a failed action. */
export function toastError(error: unknown): void {
  toast(errorMessage(error));
}
