// NutUI divider with only its own stylesheet (keeps each package's size to what it uses)
import '@nutui/nutui-react-taro/dist/es/packages/divider/style/css';

export { Divider } from '@nutui/nutui-react-taro';
