// NutUI searchbar with only its own stylesheet (keeps each package's size to what it uses)
import '@nutui/nutui-react-taro/dist/es/packages/searchbar/style/css';

export { SearchBar } from '@nutui/nutui-react-taro';
