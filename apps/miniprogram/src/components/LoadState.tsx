import Taro from '@tarojs/taro';
import { View } from '@tarojs/components';
import { ReactNode } from 'react';
import { Loaded } from '../hooks/useLoader';
import { ROUTES } from '../routes';
import { Button } from '../ui/button';
import { Empty } from '../ui/empty';
import { Loading } from '../ui/loading';
import { EmptyArt } from './EmptyArt';
import { HomeLink } from './HomeLink';

/** Back to the home page (the app's tab-less root), from any depth of the page stack. */
function goHome() {
  return Taro.reLaunch({ url: ROUTES.home });
}

/**
 * A detail page's loading and error states; the content once loaded. A failure that another try
 * cannot mend (无权限, 不存在) offers 返回首页 instead of 重新加载.
 */
export function LoadState<T>({ loaded, id, children, homeLink = true }: { loaded: Loaded<T>; id: string; children: (data: T) => ReactNode; /** false inside another page part (one 返回首页 a page) */ homeLink?: boolean }) {
  if (loaded.error && !loaded.data) {
    return (
      <View className="state-box" id={`${id}-error`}>
        <Empty status="error" image={<EmptyArt text="!" />} title={loaded.retryable ? '加载失败' : '无法查看'} description={loaded.error} />
        {loaded.retryable ? (
          <Button id={`${id}-retry`} type="primary" fill="outline" onClick={() => void loaded.reload()}>
            重新加载
          </Button>
        ) : (
          <Button id={`${id}-home`} type="primary" fill="outline" onClick={() => void goHome()}>
            返回首页
          </Button>
        )}
      </View>
    );
  }
  if (!loaded.data) {
    return (
      <View className="state-box" id={`${id}-loading`}>
        <Loading type="spinner">加载中…</Loading>
      </View>
    );
  }
  return (
    <>
      {homeLink && <HomeLink />}
      {children(loaded.data)}
    </>
  );
}
