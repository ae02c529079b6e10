// NutUI dialog with only its own stylesheet (keeps each package's size to what it uses)
import '@nutui/nutui-react-taro/dist/es/packages/dialog/style/css';

export { Dialog } from '@nutui/nutui-react-taro';
