/**
 * The file system's error codes in Chinese, once for every reader and writer of the command line:
 * a user sees "没有写入权限", never "EACCES: permission denied, open …".
 */

/** Why reading or writing `path` failed, as a short Chinese phrase (no final 。). */
export function systemReason(e: unknown, doing: 'read' | 'write'): string {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
      return doing === 'read' ? '文件不存在' : '所在文件夹不存在';
    case 'ENOTDIR':
      return '路径中有一段是文件而不是文件夹';
    case 'EACCES':
    case 'EPERM':
      return doing === 'read' ? '没有读取权限' : '没有写入权限';
    case 'EISDIR':
      return '这是一个文件夹';
    case 'ELOOP':
      return '符号链接循环';
    case 'ENOSPC':
      return '磁盘空间不足';
    case 'EROFS':
      return '文件系统只读';
    case 'EBUSY':
      return '文件正被其他程序占用';
    case 'EMFILE':
    case 'ENFILE':
      return '同时打开的文件太多';
    default:
      return `系统错误${code ? ` ${code}` : ''}`;
  }
}
