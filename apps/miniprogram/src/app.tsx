import { useLaunch } from '@tarojs/taro';
import { PropsWithChildren } from 'react';
import '@nutui/nutui-react-taro/dist/styles/themes/default.css';
import { resumeSession } from './session-loader';
import './app.scss';
// NutUI's icon element for the weapp templates, set before any page draws an icon
import './ui/icons';

export default function App({ children }: PropsWithChildren) {
  useLaunch(() => resumeSession());
  return children;
}
