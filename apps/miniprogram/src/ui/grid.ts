// NutUI grid with only its own stylesheet (keeps each package's size to what it uses)
import '@nutui/nutui-react-taro/dist/es/packages/grid/style/css';

export { Grid } from '@nutui/nutui-react-taro';
