/**
 * A failed save, said so a reviewer knows what is wrong and what to do: which claim, which field, in
 * words; the back end's own message (field paths, schema wording) goes in the technical details.
 */
import { ApiError } from '../../shared/api';
import { claimFieldLabel } from '../../shared/claims/fieldLabels';
import { clipQuote } from '../../shared/claims/clipQuote';

/** A claim as the reviewer knows it: its number in the list (null when orphaned) and its words. */
export type ClaimRef = { id: string; number: number | null; quote: string };

export type SaveFailure = {
  /** Follows "Not saved: ". */
  sentence: string;
  details: string;
  /** The claim to go to, to correct it. */
  claimId: string | null;
};

/**
 * Zod's own wording (what the back end's request check says for our schemas' plain limits), as the end
 * of a sentence about the field. The schemas' custom messages are sentences already and are kept.
 */
const SCHEMA_WORDING: [RegExp, (m: RegExpExecArray) => string][] = [
  [/^Too small: expected string to have >=1 characters?$/, () => 'is empty'],
  [/^Too small: expected string to have >=(\d+) characters$/, (m) => `is shorter than ${m[1]} characters`],
  [/^Too big: expected string to have <=(\d+) characters$/, (m) => `is longer than ${m[1]} characters`],
  [/^Too big: expected array to have <=(\d+) items$/, (m) => `has more than ${m[1]} items`],
  [/^Invalid input: expected \w+, received undefined$/, () => 'is missing'],
  [/^Invalid ISO datetime$/, () => 'is not a valid date and time'],
  [/^Invalid (input|option)\b/, () => 'has a value Claimdesk does not know'],
];

const sentence = (s: string) => {
  const t = s.trim();
  return /[.!?…]$/.test(t) ? t : `${t}.`;
};
const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);


/** One problem with a claim field: "the author of comment 1 is empty.", "Original URL: Enter a web address…". */
export function describeClaimIssue(path: string, message: string): string {
  const label = path ? claimFieldLabel(path) : '';
  for (const [pattern, say] of SCHEMA_WORDING) {
    const m = pattern.exec(message);
    if (m) return sentence(`${label ? (/^[A-Z]/.test(label) ? `“${label}”` : label) : 'a value'} ${say(m)}`);
  }
  return label ? `${label}: ${sentence(message)}` : sentence(message);
}

export function claimName(claim: ClaimRef): string {
  const quote = claim.quote ? ` (“${clipQuote(claim.quote, 60)}”)` : '';
  return claim.number === null ? `the orphaned claim${quote}` : `claim ${claim.number}${quote}`;
}

function technical(error: unknown): string {
  if (error instanceof ApiError) {
    const issues = (error.issues ?? []).map((i) => `\n  ${i.path || '(request)'}: ${i.message}`).join('');
    return `${error.code}: ${error.message}${issues}`;
  }
  return error instanceof Error ? error.message : String(error);
}

const ON_SCREEN = 'Your changes are still on screen.';

/**
 * `claimAt(i)` is the claim sent at index i of the failed save's `claims`, which is how the back end
 * names it ("claims.6.data.comments.0.author").
 */
export function describeSaveFailure(error: unknown, claimAt: (index: number) => ClaimRef | null): SaveFailure {
  const details = technical(error);
  const plain = (text: string, claimId: string | null = null): SaveFailure => ({ sentence: text, details, claimId });
  if (!(error instanceof ApiError)) return plain(`something went wrong while saving. ${ON_SCREEN}`);
  switch (error.code) {
    case 'invalid_request': {
      const issue = error.issues?.[0];
      const m = issue ? /^claims\.(\d+)(?:\.(data|target)(?:\.(.*))?)?$/.exec(issue.path) : null;
      const claim = m ? claimAt(Number(m[1])) : null;
      if (issue && m && claim) {
        const problem = m[2] === 'target' ? 'its place in the text does not match the words there.' : describeClaimIssue(m[3] ?? '', issue.message);
        return plain(`${capital(claimName(claim))}: ${problem} Correct it in the claim, or undo the change (Ctrl+Z).`, claim.id);
      }
      return plain(`the article could not be saved as it is: ${sentence(issue?.message ?? error.message)} ${ON_SCREEN}`);
    }
    case 'conflict':
      return plain('this article was changed elsewhere (another window or the command line) after it was opened here. Reload it to see that version; changes made here since the last save would be lost.');
    case 'transport':
      return plain(`Claimdesk's server cannot be reached. ${ON_SCREEN} Saving is tried again with your next change, or with Try again.`);
    case 'internal':
      return plain(`something went wrong while saving. ${ON_SCREEN}`);
    default:
      return plain(`${sentence(error.message)} ${ON_SCREEN}`);
  }
}
