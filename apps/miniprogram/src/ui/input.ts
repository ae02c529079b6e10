// NutUI input with only its own stylesheet (keeps each package's size to what it uses)
import '@nutui/nutui-react-taro/dist/es/packages/input/style/css';

export { Input } from '@nutui/nutui-react-taro';
