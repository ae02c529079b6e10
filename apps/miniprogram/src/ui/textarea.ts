// NutUI textarea with only its own stylesheet (keeps each package's size to what it uses)
import '@nutui/nutui-react-taro/dist/es/packages/textarea/style/css';

export { TextArea } from '@nutui/nutui-react-taro';
