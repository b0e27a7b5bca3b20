/**
 * The authoring page's checker (./authoring-check.ts) runs here, off the page: a pasted
 * file of 100,000 lines takes seconds to read, and the editor must keep taking keys
 * meanwhile (issue 11, item 9). One request at a time; the page ends this worker when a
 * newer text makes the running check pointless.
 */
import type { CheckRequest, CheckReply } from './authoring-check';
import { checkSource } from './authoring';

addEventListener('message', (event: MessageEvent<CheckRequest>) => {
  const { id, text, file, reserved, kind } = event.data;
  const checked = checkSource(text, file, reserved, kind);
  const reply: CheckReply = {
    id,
    // The parsed content stays here: the page needs the verdict, not a copy of the value.
    result: checked.ok ? { ok: true, content: checked.content } : checked,
  };
  postMessage(reply);
});
