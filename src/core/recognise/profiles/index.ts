/** Kept for existing imports: the profiles live in src/core/profiles/<province>/. */
export { BUILTIN_PROFILES } from '../../profiles';
