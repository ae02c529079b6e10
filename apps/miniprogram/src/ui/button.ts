// NutUI button with only its own stylesheet (keeps each package's size to what it uses)
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';

export { Button } from '@nutui/nutui-react-taro';
