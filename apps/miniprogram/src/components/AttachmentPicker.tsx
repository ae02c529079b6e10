import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { ATTACHMENT_CONTENT_TYPES, ATTACHMENT_MAX_BYTES, AttachmentRef } from '@szpm/contract';
import { useState } from 'react';
import { api } from '../api';
import { toast, toastError } from '../utils/feedback';
import { Button } from '../ui/button';

const MAX_FILES = 9;

/** The document types the api takes besides images (pdf, Word, Excel, PowerPoint). */
const DOCUMENT_EXTENSIONS = Object.keys(ATTACHMENT_CONTENT_TYPES).filter((ext) => !ATTACHMENT_CONTENT_TYPES[ext].startsWith('image/'));

/** A chosen file: where the platform keeps it, and the name the api is to see. */
interface PickedFile {
  path: string;
  name?: string;
  size?: number;
}

interface Props {
  id: string;
  onChange: (ids: number[]) => void;
  /** the row's label (默认 附件) */
  label?: string;
  /** files the form has already (a saved draft); they can be removed like new ones */
  initial?: AttachmentRef[];
}

async function pickImages(count: number): Promise<PickedFile[]> {
  const result = await Taro.chooseImage({ count, sizeType: ['compressed'], sourceType: ['album', 'camera'] });
  return result.tempFiles.map((f) => ({ path: f.path, name: f.originalFileObj?.name, size: f.size }));
}

/** Documents: from a chat in WeChat (the only place a phone keeps them for a mini-program), from the disk in H5. */
async function pickDocuments(count: number): Promise<PickedFile[]> {
  if (process.env.TARO_ENV === 'h5') {
    return new Promise((resolve, reject) => {
      const input = document.createElement('input');
      input.type = 'file';
      input.multiple = count > 1;
      input.accept = DOCUMENT_EXTENSIONS.map((ext) => `.${ext}`).join(',');
      input.onchange = () => {
        const files = Array.from(input.files ?? []).slice(0, count);
        if (files.length === 0) reject(new Error('cancelled'));
        else resolve(files.map((file) => ({ path: URL.createObjectURL(file), name: file.name, size: file.size })));
      };
      input.click();
    });
  }
  const result = await Taro.chooseMessageFile({ count, type: 'file', extension: DOCUMENT_EXTENSIONS });
  return result.tempFiles.map((f) => ({ path: f.path, name: f.name, size: f.size }));
}

/** 上传相关的附件: photos (album or camera) and documents (PDF, Word, Excel), uploaded at once; the form sends their ids. */
export function AttachmentPicker({ id, onChange, label = '附件', initial = [] }: Props) {
  const [files, setFiles] = useState<AttachmentRef[]>(initial);
  const [uploading, setUploading] = useState(false);

  const publish = (next: AttachmentRef[]) => {
    setFiles(next);
    onChange(next.map((f) => f.id));
  };

  const choose = async (pick: (count: number) => Promise<PickedFile[]>) => {
    let chosen: PickedFile[];
    try {
      chosen = await pick(MAX_FILES - files.length);
    } catch {
      return; // the officer cancelled
    }
    const tooLarge = chosen.filter((f) => (f.size ?? 0) > ATTACHMENT_MAX_BYTES);
    if (tooLarge.length) toast(`${tooLarge.map((f) => f.name ?? '文件').join('、')}超过${ATTACHMENT_MAX_BYTES / 1024 / 1024}MB，未上传`);
    setUploading(true);
    let next = files;
    try {
      for (const file of chosen.filter((f) => !tooLarge.includes(f))) {
        next = [...next, await api.workflow.upload(file.path, file.name)];
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
        <View className="actions actions--inline">
          <Button id={`${id}-images`} size="small" fill="outline" loading={uploading} onClick={() => void choose(pickImages)}>
            上传图片
          </Button>
          <Button id={`${id}-documents`} size="small" fill="outline" disabled={uploading} onClick={() => void choose(pickDocuments)}>
            上传文件（PDF、Word、Excel）
          </Button>
        </View>
      )}
      <Text className="muted">图片或文件，最多{MAX_FILES}个，每个不超过{ATTACHMENT_MAX_BYTES / 1024 / 1024}MB</Text>
    </View>
  );
}
