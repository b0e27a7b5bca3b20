/**
 * How much a run's record proves (issue 11, item 1), from strongest to weakest. Replaying a
 * log proves the log is consistent; only a person watching proves who played it. The
 * dashboard states what each level means, and the certificate names the levels it accepts.
 * No engine here: the dashboard's first screen reads it.
 */
export const EVIDENCE = ['witnessed', 'this-browser', 'replay-verified', 'self-reported'] as const;
export type Evidence = (typeof EVIDENCE)[number];

export const EVIDENCE_LABELS: Record<Evidence, string> = {
  witnessed: 'Witnessed',
  'this-browser': 'Played on this browser',
  'replay-verified': 'Replay-verified',
  'self-reported': 'Self-reported only',
};

/** What each level means, in words for the manager. */
export const EVIDENCE_MEANING: Record<Evidence, string> = {
  witnessed:
    'Played in a trainer’s live session on this browser, with the trainer’s window joined to it. The strongest evidence: someone watched.',
  'this-browser':
    'Played at the order desk of this browser and saved step by step as it happened, under this profile.',
  'replay-verified':
    'Came from another device, in a bundle or read from the learning record store. Its log replays through the engine to the score it claims, it is not the autopilot’s log, and its steps were saved at a person’s pace. That shows a consistent shift with human timing, not who sat at the desk.',
  'self-reported':
    'Came from another device and did not pass those checks (flagged), so only the file or the LRS says it happened. Never counts toward a score or a certificate.',
};

/** The levels a certificate accepts for a required scenario’s pass. */
export const CERTIFICATE_EVIDENCE: readonly Evidence[] = [
  'witnessed',
  'this-browser',
  'replay-verified',
];

/**
 * A run’s evidence: flagged on import means the bundle’s word only; a run a trainer’s live
 * session started here is witnessed; other runs are this browser’s own, or replay-verified
 * when they came in a bundle (they carry an import verification).
 */
export function runEvidence(run: {
  flag: string | null;
  verified: boolean;
  witnessedBy?: string;
}): Evidence {
  if (run.flag !== null) return 'self-reported';
  if (run.verified) return 'replay-verified';
  return run.witnessedBy ? 'witnessed' : 'this-browser';
}
