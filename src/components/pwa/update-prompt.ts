/**
 * Registers the service worker and runs the "update available" prompt of PwaStatus.astro.
 * A new version waits until the person presses "Reload to update"; while a shift is being
 * played the prompt stays out of sight (update-policy.ts), and it never reloads by itself.
 */
import { registerSW } from 'virtual:pwa-register';
import { newVersionWaiting, shiftInProgress, updateState } from './update-policy';

const READY_TEXT = 'A new version of Backorder Academy is ready.';
/** How often a page left open asks whether a new version has been deployed. */
const CHECK_EVERY_MS = 60 * 60 * 1000;
/** How often it asks while the site cannot be reached, to notice when it can again. */
const RETRY_MS = 30 * 1000;

/**
 * Ask the server for the service worker now, every hour, when the browser says it is back
 * online and when the person comes back to the tab. The answer also says whether the site can be reached at all: a phone on a
 * break-room Wi-Fi with no way out still calls itself online, so the offline banner
 * (PwaStatus.astro) listens for `pwa:reachable` as well as the browser's own events.
 */
function checkForUpdates(registration: ServiceWorkerRegistration): void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const check = async () => {
    clearTimeout(timer);
    let reached = true;
    try {
      await registration.update();
    } catch {
      reached = false;
    }
    dispatchEvent(new CustomEvent('pwa:reachable', { detail: reached }));
    timer = setTimeout(() => void check(), reached ? CHECK_EVERY_MS : RETRY_MS);
  };
  addEventListener('online', () => void check());
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') void check();
  });
  void check();
}

/**
 * Call `found` for every new version the registration installs, and for one already
 * waiting. registerSW's own events miss some: workbox-window stops listening after the
 * first update it judges external, and judges by a one-minute clock, so a page left open
 * through two deploys, or a busy page that took its time to register, never heard of the
 * next version. Watching the registration itself costs a listener.
 */
function watchForNewVersions(
  registration: ServiceWorkerRegistration,
  found: (version: ServiceWorker) => void,
): void {
  const check = () => {
    if (newVersionWaiting(registration)) found(registration.waiting!);
  };
  registration.addEventListener('updatefound', () => {
    const worker = registration.installing;
    worker?.addEventListener('statechange', () => {
      if (worker.state === 'installed') check();
    });
  });
  check();
}

export function startUpdatePrompt(): void {
  const prompt = document.querySelector<HTMLElement>('[data-update-prompt]');
  if (!prompt) return;
  const text = prompt.querySelector<HTMLElement>('[data-update-text]')!;
  const actions = prompt.querySelector<HTMLElement>('[data-update-actions]')!;
  const accept = prompt.querySelector<HTMLButtonElement>('[data-update-accept]')!;
  const later = prompt.querySelector<HTMLButtonElement>('[data-update-later]')!;

  /** A new version is installed and waiting, or (accepted in another tab) already active. */
  let waiting = false;
  let activeElsewhere = false;
  let dismissed = false;
  let accepted = false;

  function render() {
    const state = updateState({ waiting, dismissed, inShift: shiftInProgress(document) });
    prompt!.dataset.state = state;
    if (accepted) return;
    // Only real changes: the observer below sees this text change too.
    const wanted = state === 'prompt' ? READY_TEXT : '';
    if (text.textContent !== wanted) text.textContent = wanted;
    actions.hidden = state !== 'prompt';
  }

  /** Follow the desk: a prompt held during a shift appears once the shift ends. */
  let watching = false;
  function found() {
    waiting = true;
    if (!watching) {
      watching = true;
      new MutationObserver((changes) => {
        if (changes.some((change) => !prompt!.contains(change.target))) render();
      }).observe(document.body, {
        subtree: true,
        childList: true,
        attributes: true,
        attributeFilter: ['data-stage'],
      });
    }
    render();
  }

  /** "Not now" puts off one version: a newer one deployed since is offered again. */
  let offered: ServiceWorker | undefined;
  function foundVersion(version: ServiceWorker) {
    if (offered && offered !== version) dismissed = false;
    offered = version;
    found();
  }

  const updateServiceWorker = registerSW({
    immediate: true,
    onNeedRefresh: found,
    // The new version took control: reload if the person asked for it here; if another
    // tab asked, offer the reload here too, on the same terms.
    onNeedReload() {
      if (accepted) reload();
      else {
        activeElsewhere = true;
        found();
      }
    },
    onRegisteredSW(_url, registration) {
      if (!registration) return;
      watchForNewVersions(registration, foundVersion);
      checkForUpdates(registration);
    },
    // No service worker (an old browser, a private window, a test that blocks them): the
    // site works online as before, so there is nothing to tell the reader.
    onRegisterError() {},
  });

  let reloading = false;
  function reload() {
    if (reloading) return;
    reloading = true;
    location.reload();
  }

  accept.addEventListener('click', () => {
    if (shiftInProgress(document)) return render();
    accepted = true;
    accept.disabled = later.disabled = true;
    text.textContent = 'Updating…';
    if (activeElsewhere) return reload();
    // Reload once the new version controls the page. registerSW does this itself only for
    // a page that had a service worker when it loaded; a first visit's page gains one later.
    navigator.serviceWorker.addEventListener('controllerchange', reload);
    void updateServiceWorker(true);
  });

  later.addEventListener('click', () => {
    dismissed = true;
    render();
  });
}
