/** The rule families the engine runs, in order. Each family lists its rule ids and titles. */
import { RuleFamily } from './types';
import { sumRules } from './sums';
import { summaryRules } from './summary';
import { crossRules } from './cross';
import { tableRules } from './tables';
import { codeRules } from './codes';
import { narrativeRules } from '../narrative/rules';

export const RULE_FAMILIES: RuleFamily[] = [sumRules, summaryRules, crossRules, tableRules, codeRules, narrativeRules];
