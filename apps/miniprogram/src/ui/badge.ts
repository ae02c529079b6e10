// NutUI badge with only its own stylesheet (keeps each package's size to what it uses)
import '@nutui/nutui-react-taro/dist/es/packages/badge/style/css';

export { Badge } from '@nutui/nutui-react-taro';
