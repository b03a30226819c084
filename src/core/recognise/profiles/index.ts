/** The built-in profiles, tried in order; the one that recognises most tables wins. */
import { Profile } from '../profile';
import { SHAANXI } from './shaanxi';
import { HEBEI } from './hebei';
import { HUBEI } from './hubei';

export const BUILTIN_PROFILES: Profile[] = [SHAANXI, HEBEI, HUBEI];
