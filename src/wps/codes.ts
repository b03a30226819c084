/** 导入本地科目表 in WPS: the Excel add-in's XML (src/excel/codes.ts), kept in the workbook through src/wps/store.ts. */
import { CODES_NAMESPACE, UserCodes, codesFromXml, codesToXml } from '../excel/codes';
import type { WpsApplication } from './model';
import { xmlStore } from './store';

export function loadWpsCodes(app: WpsApplication): UserCodes | undefined {
  const xml = xmlStore(app).get(CODES_NAMESPACE);
  return xml ? codesFromXml(xml) : undefined;
}

export function saveWpsCodes(app: WpsApplication, codes: UserCodes | undefined): void {
  xmlStore(app).set(CODES_NAMESPACE, codes ? codesToXml(codes) : undefined);
}
