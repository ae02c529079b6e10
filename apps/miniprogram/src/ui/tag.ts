// NutUI tag with only its own stylesheet (keeps each package's size to what it uses)
import '@nutui/nutui-react-taro/dist/es/packages/tag/style/css';

export { Tag } from '@nutui/nutui-react-taro';
