import { View } from '@tarojs/components';
import { ReactNode } from 'react';
import { Loaded } from '../hooks/useLoader';
import { Button } from '../ui/button';
import { Empty } from '../ui/empty';
import { Loading } from '../ui/loading';
import { EmptyArt } from './EmptyArt';

/** A detail page's loading and error states; the content once loaded. */
export function LoadState<T>({ loaded, id, children }: { loaded: Loaded<T>; id: string; children: (data: T) => ReactNode }) {
  if (loaded.error && !loaded.data) {
    return (
      <View className="state-box" id={`${id}-error`}>
        <Empty status="error" image={<EmptyArt text="!" />} title="加载失败" description={loaded.error} />
        <Button id={`${id}-retry`} type="primary" fill="outline" onClick={() => void loaded.reload()}>
          重新加载
        </Button>
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
  return <>{children(loaded.data)}</>;
}
