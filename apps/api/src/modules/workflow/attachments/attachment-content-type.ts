import { ATTACHMENT_CONTENT_TYPES } from '@szpm/contract';

const startsWith = (head: Buffer, bytes: number[], offset = 0) => bytes.every((b, i) => head[offset + i] === b);
const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));

const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ZIP = [0x50, 0x4b, 0x03, 0x04];

/** The leading bytes each allowed extension must have (a renamed executable is refused). */
const SIGNATURES: Record<string, (head: Buffer) => boolean> = {
  jpg: (h) => startsWith(h, [0xff, 0xd8, 0xff]),
  jpeg: (h) => startsWith(h, [0xff, 0xd8, 0xff]),
  png: (h) => startsWith(h, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  gif: (h) => startsWith(h, ascii('GIF87a')) || startsWith(h, ascii('GIF89a')),
  webp: (h) => startsWith(h, ascii('RIFF')) && startsWith(h, ascii('WEBP'), 8),
  pdf: (h) => startsWith(h, ascii('%PDF-')),
  doc: (h) => startsWith(h, OLE2),
  xls: (h) => startsWith(h, OLE2),
  ppt: (h) => startsWith(h, OLE2),
  docx: (h) => startsWith(h, ZIP),
  xlsx: (h) => startsWith(h, ZIP),
  pptx: (h) => startsWith(h, ZIP),
};

export function extensionOf(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  return dot < 0 ? '' : fileName.slice(dot + 1).toLowerCase();
}

/**
 * The content type to store and serve, decided by the server from the extension and the file's
 * leading bytes (the client's Content-Type is not trusted); null when the file is not allowed.
 */
export function detectContentType(fileName: string, content: Buffer): string | null {
  const extension = extensionOf(fileName);
  const contentType = ATTACHMENT_CONTENT_TYPES[extension];
  const matches = SIGNATURES[extension];
  if (!contentType || !matches || !matches(content.subarray(0, 16))) return null;
  return contentType;
}

/** A file name safe to store and to send back: no path, no control characters, at most 255 characters. */
export function cleanFileName(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? '';
  const cleaned = base.replace(/[\u0000-\u001f\u007f"]/g, '').trim();
  if (cleaned.length <= 255) return cleaned;
  const extension = extensionOf(cleaned);
  return `${cleaned.slice(0, 250 - extension.length)}.${extension}`;
}
