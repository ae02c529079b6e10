import { useLaunch } from '@tarojs/taro';
import { PropsWithChildren } from 'react';
import '@nutui/nutui-react-taro/dist/styles/themes/default.css';
import { resumeSession } from './session-loader';
import './app.scss';

export default function App({ children }: PropsWithChildren) {
  useLaunch(() => resumeSession());
  return children;
}
