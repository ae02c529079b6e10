// NutUI steps with only its own stylesheet (keeps each package's size to what it uses)
import '@nutui/nutui-react-taro/dist/es/packages/steps/style/css';

export { Steps, Step } from '@nutui/nutui-react-taro';
