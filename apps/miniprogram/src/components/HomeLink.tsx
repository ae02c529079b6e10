import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { useEffect, useState } from 'react';
import { isDeepLinked } from '../logic/deep-link';
import { ROUTES } from '../routes';
import './home-link.scss';

/** 返回首页, shown only on a page opened directly, where the navigation bar has no back arrow. */
export function HomeLink() {
  const [shown, setShown] = useState(false);
  useEffect(() => setShown(isDeepLinked(Taro.getCurrentPages())), []);
  if (!shown) return null;
  return (
    <View className="home-link" id="home-link" onClick={() => void Taro.reLaunch({ url: ROUTES.home })}>
      <Text>‹ 返回首页</Text>
    </View>
  );
}
