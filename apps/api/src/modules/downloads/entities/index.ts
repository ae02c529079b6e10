import { DownloadFile } from './download-file.entity';

export { DownloadFile };

export const DOWNLOADS_ENTITIES = [DownloadFile];
