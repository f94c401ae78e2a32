// Length alone lets "aaaaaaaaaaaa" and "password1234" through. zxcvbn (the
// Dropbox estimator, here its maintained TypeScript port) knows the common
// passwords, keyboard rows, repeats, sequences and dates that guessing tools
// try first, and scores how many guesses a password would take.
import { ZxcvbnFactory } from "@zxcvbn-ts/core";
import { adjacencyGraphs, dictionary } from "@zxcvbn-ts/language-common";

/**
 * zxcvbn's 0–4 scale: 3 is "safely unguessable: moderate protection from an
 * offline slow-hash scenario" (about 10^8 guesses and up). Passwords here are
 * stored as scrypt hashes, so that is the bar.
 */
export const MIN_PASSWORD_SCORE = 3;

const REASONS: Record<string, string> = {
  straightRow: "it is a row of keys on the keyboard",
  keyPattern: "it is a short pattern on the keyboard",
  simpleRepeat: 'it repeats one character ("aaa")',
  extendedRepeat: 'it repeats a group of characters ("abcabc")',
  sequences: 'it is a sequence ("abcd", "1234")',
  recentYears: "it is or ends with a recent year",
  dates: "it is a date",
  topTen: "it is one of the ten most used passwords",
  topHundred: "it is one of the hundred most used passwords",
  common: "it is a commonly used password",
  similarToCommon: "it is a common password with small changes",
  wordByItself: "it is a single word",
  namesByThemselves: "it is a name",
  commonNames: "it is a common name",
  userInputs: "it contains your own details",
};

let factory: ZxcvbnFactory | null = null;
const estimator = () => (factory ??= new ZxcvbnFactory({ dictionary, graphs: adjacencyGraphs }));

/** Why `password` is too easy to guess, in words, or null when it is strong enough. */
export function passwordWeakness(password: string, userInputs: string[] = []): string | null {
  // zxcvbn's cost grows with length; past 100 characters the first 100 decide.
  const result = estimator().check(password.slice(0, 100), userInputs);
  if (result.score >= MIN_PASSWORD_SCORE) return null;
  const reason = (result.feedback.warning && REASONS[result.feedback.warning]) || "it would be guessed quickly";
  return `is too easy to guess: ${reason}. Use a longer phrase of several unrelated words`;
}
