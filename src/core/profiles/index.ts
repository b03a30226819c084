/**
 * Provinces: one folder each (its tables, its 说明 template) over the national layer in national/.
 * Recognition tries the province profiles first; the national layer reads whatever they do not know,
 * or the whole workbook when no province profile fits. Adding a province is adding a folder and one
 * line here.
 */
import { Profile } from '../recognise/profile';
import { SHAANXI } from './shaanxi/tables';
import { HEBEI } from './hebei/tables';
import { HUBEI } from './hubei/tables';
import { NATIONAL } from './national/tables';

/** The national layer comes last: it reads whatever no province profile recognises. */
export const BUILTIN_PROFILES: Profile[] = [SHAANXI, HEBEI, HUBEI, NATIONAL];
