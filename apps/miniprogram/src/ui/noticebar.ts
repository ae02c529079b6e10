// NutUI noticebar with only its own stylesheet (keeps each package's size to what it uses)
import '@nutui/nutui-react-taro/dist/es/packages/noticebar/style/css';

export { NoticeBar } from '@nutui/nutui-react-taro';
