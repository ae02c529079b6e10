import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { SearchBar } from '../ui/searchbar';

/** A search bar that searches on 搜索 / enter (not on every keystroke) and on clearing. */
export function SearchBox({ id, placeholder, onSearch }: { id: string; placeholder: string; onSearch: (text: string) => void }) {
  const [text, setText] = useState('');
  // NutUI's SearchBar does not pass an id on: the wrapper carries it
  return (
    <View id={id}>
      <SearchBar
        placeholder={placeholder}
        value={text}
        onChange={(value) => setText(value)}
        onSearch={(value) => onSearch(value.trim())}
        onClear={() => {
          setText('');
          onSearch('');
        }}
        right={
          <Text className="search-go" id={`${id}-go`} onClick={() => onSearch(text.trim())}>
            搜索
          </Text>
        }
      />
    </View>
  );
}
