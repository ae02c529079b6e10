// NutUI radio with only its own stylesheet (keeps each package's size to what it uses)
import '@nutui/nutui-react-taro/dist/es/packages/radio/style/css';

export { Radio } from '@nutui/nutui-react-taro';
