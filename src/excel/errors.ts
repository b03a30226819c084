/** Turns office.js and engine errors into one Chinese sentence for the user (never a stack trace). */

const CODE_MESSAGES: Record<string, string> = {
  InvalidOperationInCellEditMode: 'Excel 正处于单元格编辑状态，请先按 Enter 或 Esc 结束编辑，再重试。',
  RequestPayloadSizeLimitExceeded: '工作簿数据量超过 Excel 网页版单次传输上限（5 MB），请删除无关工作表后重试。',
  PayloadTooLarge: '工作簿数据量超过 Excel 网页版单次传输上限（5 MB），请删除无关工作表后重试。',
  AccessDenied: 'Excel 拒绝了本次操作（工作簿可能受保护或为只读），请取消保护后重试。',
  ItemNotFound: '找不到要操作的工作表或单元格，工作簿可能在检查后被修改，请重新检查。',
  InvalidArgument: 'Excel 不接受本次操作的参数，请重新检查；如仍出错请反馈此工作簿。',
  GeneralException: 'Excel 内部错误，请稍后重试。',
  ApiNotFound: '此版本的 Excel 缺少本次操作所需的功能（ApiNotFound）。请将 Office 更新到最新版本后重试；如仍出错，请把 Excel 的版本号（文件 → 帐户 → 关于 Excel）反馈给我们。',
};

export function describeError(e: unknown, action: string): string {
  const err = e as { code?: string; message?: string; debugInfo?: { errorLocation?: string } } | undefined;
  const code = err?.code;
  if (code && CODE_MESSAGES[code]) return `${action}失败：${CODE_MESSAGES[code]}`;
  const msg = err?.message ? String(err.message) : String(e);
  return `${action}失败：${msg}`;
}
