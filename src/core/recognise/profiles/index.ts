/** The built-in profiles, tried in order; the one that recognises most tables wins. */
import { Profile } from '../profile';
import { SHAANXI } from './shaanxi';
import { HEBEI } from './hebei';
import { HUBEI } from './hubei';
import { NATIONAL } from './national';

/** The national layer comes last: it reads whatever no province profile recognises. */
export const BUILTIN_PROFILES: Profile[] = [SHAANXI, HEBEI, HUBEI, NATIONAL];
