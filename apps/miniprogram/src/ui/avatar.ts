// NutUI avatar with only its own stylesheet (keeps each package's size to what it uses)
import '@nutui/nutui-react-taro/dist/es/packages/avatar/style/css';

export { Avatar } from '@nutui/nutui-react-taro';
