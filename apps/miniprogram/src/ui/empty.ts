// NutUI empty with only its own stylesheet (keeps each package's size to what it uses)
import '@nutui/nutui-react-taro/dist/es/packages/empty/style/css';

export { Empty } from '@nutui/nutui-react-taro';
