// NutUI checkbox with only its own stylesheet (keeps each package's size to what it uses)
import '@nutui/nutui-react-taro/dist/es/packages/checkbox/style/css';

export { Checkbox } from '@nutui/nutui-react-taro';
