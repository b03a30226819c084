/** The rule families the engine runs, in order. Each family lists its rule ids and titles. */
import { RuleFamily } from './types';

export const RULE_FAMILIES: RuleFamily[] = [];
