// NutUI loading with only its own stylesheet (keeps each package's size to what it uses)
import '@nutui/nutui-react-taro/dist/es/packages/loading/style/css';

export { Loading } from '@nutui/nutui-react-taro';
