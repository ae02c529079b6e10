// NutUI popup with only its own stylesheet (keeps each package's size to what it uses)
import '@nutui/nutui-react-taro/dist/es/packages/popup/style/css';

export { Popup } from '@nutui/nutui-react-taro';
