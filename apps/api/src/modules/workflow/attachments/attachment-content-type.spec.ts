import { cleanFileName, detectContentType } from './attachment-content-type';

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);
const PDF = Buffer.from('%PDF-1.7\n');
const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0]);
const OLE2 = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const ELF = Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1]);

describe('attachment content type', () => {
  it('accepts allowed extensions whose bytes match', () => {
    expect(detectContentType('现场照片.PNG', PNG)).toBe('image/png');
    expect(detectContentType('决定书.pdf', PDF)).toBe('application/pdf');
    expect(detectContentType('a.docx', ZIP)).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(detectContentType('a.xls', OLE2)).toBe('application/vnd.ms-excel');
    expect(detectContentType('a.jpg', Buffer.from([0xff, 0xd8, 0xff, 0xe0]))).toBe('image/jpeg');
    expect(detectContentType('a.webp', Buffer.from('RIFF\0\0\0\0WEBPVP8 '))).toBe('image/webp');
  });

  it('refuses other extensions and renamed files', () => {
    expect(detectContentType('run.exe', ELF)).toBeNull();
    expect(detectContentType('photo.png', ELF)).toBeNull();
    expect(detectContentType('report.pdf', PNG)).toBeNull();
    expect(detectContentType('noextension', PDF)).toBeNull();
    expect(detectContentType('page.html', Buffer.from('<html>'))).toBeNull();
    expect(detectContentType('empty.pdf', Buffer.alloc(0))).toBeNull();
  });

  it('cleans file names', () => {
    expect(cleanFileName('../../etc/passwd.pdf')).toBe('passwd.pdf');
    expect(cleanFileName('C:\\Users\\x\\整改通知.pdf')).toBe('整改通知.pdf');
    expect(cleanFileName('a"b\u0000c.pdf')).toBe('abc.pdf');
    const long = cleanFileName(`${'长'.repeat(300)}.pdf`);
    expect(long.length).toBeLessThanOrEqual(255);
    expect(long.endsWith('.pdf')).toBe(true);
  });
});
