// NutUI cell with only its own stylesheet (keeps each package's size to what it uses)
import '@nutui/nutui-react-taro/dist/es/packages/cell/style/css';

export { Cell, CellGroup } from '@nutui/nutui-react-taro';
