import { ORGANISATIONS, type Policies } from '@vo/kit';

const RIECS = new Set(ORGANISATIONS.filter((organisation) => organisation.type === 'RIEC').map((organisation) => organisation.id));

/** The `@policy` names of the riec SDL. */
export const riecPolicies: Policies = {
  /** Publishing and withdrawing: the token's org claim names the RIEC that draws the pictures, and is recorded as it. */
  riec_producer({ viewer }) {
    if (!viewer.organisation) {
      return 'Publishing pictures needs a token with an org claim naming the RIEC (npm run token -- --scope riec:write --org riec-nn).';
    }
    return RIECS.has(viewer.organisation) || `The token's org claim "${viewer.organisation}" is not a RIEC; known: ${[...RIECS].join(', ')}.`;
  },
};
