import { Text, View } from '@tarojs/components';

/** The picture of an empty or failed list, drawn here (NutUI's default is an image from a remote CDN). */
export function EmptyArt({ text }: { text: string }) {
  return (
    <View className="empty-art">
      <Text>{text}</Text>
    </View>
  );
}
