// NutUI tabs with only its own stylesheet (keeps each package's size to what it uses)
import '@nutui/nutui-react-taro/dist/es/packages/tabs/style/css';

export { Tabs } from '@nutui/nutui-react-taro';
