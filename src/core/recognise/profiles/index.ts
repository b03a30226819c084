/** The built-in profiles, tried in order; the one that recognises most tables wins. */
import { Profile } from '../profile';
import { SHAANXI } from './shaanxi';
import { HEBEI } from './hebei';

export const BUILTIN_PROFILES: Profile[] = [SHAANXI, HEBEI];
