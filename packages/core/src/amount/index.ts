export { Amount, convert } from './amount.js';
export type { AmountFormatOptions, AmountParse, AmountUnit } from './amount.js';
