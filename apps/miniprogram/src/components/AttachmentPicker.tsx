import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { AttachmentRef } from '@szpm/contract';
import { useState } from 'react';
import { api } from '../api';
import { toastError } from '../utils/feedback';
import { Button } from '../ui/button';

const MAX_FILES = 9;

interface Props {
  id: string;
  onChange: (ids: number[]) => void;
  /** the row's label (默认 附件) */
  label?: string;
  /** files the form has already (a saved draft); they can be removed like new ones */
  initial?: AttachmentRef[];
}

/** 上传相关的附件: photos from the album or camera, uploaded at once; the form sends their ids. */
export function AttachmentPicker({ id, onChange, label = '附件', initial = [] }: Props) {
  const [files, setFiles] = useState<AttachmentRef[]>(initial);
  const [uploading, setUploading] = useState(false);

  const publish = (next: AttachmentRef[]) => {
    setFiles(next);
    onChange(next.map((f) => f.id));
  };

  const choose = async () => {
    let chosen: string[];
    try {
      const result = await Taro.chooseImage({ count: MAX_FILES - files.length, sizeType: ['compressed'], sourceType: ['album', 'camera'] });
      chosen = result.tempFilePaths;
    } catch {
      return; // the officer cancelled
    }
    setUploading(true);
    let next = files;
    try {
      for (const path of chosen) {
        next = [...next, await api.workflow.upload(path)];
        publish(next);
      }
    } catch (error) {
      toastError(error);
    } finally {
      setUploading(false);
    }
  };

  return (
    <View className="form-row" id={id}>
      <Text className="form-row__label">{label}</Text>
      {files.map((file) => (
        <View className="attachment" key={file.id}>
          <Text className="attachment__name">{file.fileName}</Text>
          <Text className="link" onClick={() => publish(files.filter((f) => f.id !== file.id))}>
            移除
          </Text>
        </View>
      ))}
      {files.length < MAX_FILES && (
        <Button size="small" fill="outline" loading={uploading} onClick={() => void choose()}>
          上传图片
        </Button>
      )}
    </View>
  );
}
