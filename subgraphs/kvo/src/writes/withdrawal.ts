import { inputError, type InputError } from '@vo/kit';
import { dateProblem } from './rules.js';

interface Validity {
  certifiedOn: string;
  validUntil: string;
  withdrawnOn?: string | null;
}

const MAX_REASON = 500;

/**
 * A withdrawal's problems, with the mutation's argument paths: a sensible day from the certificate's first valid
 * day through its last (a certificate that ran out needs no withdrawal), and a reason of at most 500 characters.
 */
export function checkWithdrawal(certificate: Validity, withdrawnOn: string, reason: string): InputError[] {
  const errors: InputError[] = [];
  const problem = dateProblem(withdrawnOn, ['withdrawnOn']);
  if (problem) errors.push(problem);
  else if (withdrawnOn < certificate.certifiedOn || withdrawnOn > certificate.validUntil) {
    const range = `from ${certificate.certifiedOn} through ${certificate.validUntil}`;
    errors.push(inputError(['withdrawnOn'], 'OUT_OF_RANGE', `${withdrawnOn} lies outside the certificate's validity (${range}); a withdrawal falls within it.`));
  }
  const text = reason.trim();
  if (text === '') errors.push(inputError(['reason'], 'REQUIRED', 'Give the reason for the withdrawal.'));
  if (text.length > MAX_REASON) errors.push(inputError(['reason'], 'OUT_OF_RANGE', `The reason is at most ${MAX_REASON} characters; got ${text.length}.`));
  return errors;
}

/** A correction of a withdrawn certificate must keep its withdrawal day within the corrected validity. */
export function withdrawalConflicts(certificate: Validity, path: string[]): InputError[] {
  const day = certificate.withdrawnOn;
  if (!day) return [];
  if (day < certificate.certifiedOn) {
    return [inputError([...path, 'certifiedOn'], 'CONFLICT', `The certificate was withdrawn on ${day}; it cannot have been issued after that.`)];
  }
  if (day > certificate.validUntil) {
    return [inputError([...path, 'validUntil'], 'CONFLICT', `The certificate was withdrawn on ${day}; its validity cannot end before that.`)];
  }
  return [];
}
