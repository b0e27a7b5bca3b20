/**
 * The import worker (./import-job.ts): reads, parses, verifies and stores one bundle or
 * backup off the page, so the manager's tab stays responsive while a large file is
 * replayed. It reports progress at most once per percent, then the outcome, and is ended
 * by the page when done or cancelled.
 */
import type { ImportMessage, ImportRequest } from './import-job';
import { runImport } from './import-run';

const post = (message: ImportMessage) => postMessage(message);

addEventListener('message', (event: MessageEvent<ImportRequest>) => {
  const request = event.data;
  let last = -1;
  void runImport(request, (progress) => {
    const percent = Math.floor(progress.share * 100);
    if (percent === last && progress.stage !== 'saving') return;
    last = percent;
    post({ type: 'progress', progress });
  })
    .then((outcome) => post({ type: 'done', outcome }))
    .catch((error: unknown) => {
      const name = request.file.name;
      const reason = error instanceof Error ? error.name : 'an unknown error';
      post({
        type: 'done',
        outcome: {
          status: 'rejected',
          file: name,
          problems: [{ file: name, path: '', message: `could not be imported (${reason})` }],
        },
      });
    });
});
