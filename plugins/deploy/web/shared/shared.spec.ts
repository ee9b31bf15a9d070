import { dispositionFileName } from './download';
import { formatFileSize } from './file-size.pipe';

describe('download file names', () => {
  it('reads Content-Disposition', () => {
    expect(dispositionFileName('attachment; filename="acme-r2.tar"', 'x.tar')).toBe('acme-r2.tar');
    expect(dispositionFileName('attachment; filename=acme.tar', 'x.tar')).toBe('acme.tar');
    expect(dispositionFileName(`attachment; filename="a.tar"; filename*=UTF-8''%C3%A9t%C3%A9.tar`, 'x.tar')).toBe('été.tar');
    expect(dispositionFileName('attachment; filename="../../etc/passwd"', 'x.tar')).toBe('passwd');
    expect(dispositionFileName(null, 'x.tar')).toBe('x.tar');
  });
});

describe('file sizes', () => {
  it('uses decimal units and the language', () => {
    expect(formatFileSize(512)).toBe('512 B');
    expect(formatFileSize(1536)).toBe('1.5 kB');
    expect(formatFileSize(3_200_000, 'fr')).toBe('3,2 Mo');
    expect(formatFileSize(250_000_000_000)).toBe('250 GB');
  });
});
